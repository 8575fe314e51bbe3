package nova.activities.llm;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a provider says it may be asked again: retry-after-ms, or Retry-After in seconds or as an
 * HTTP date.
 */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> of(HttpHeaders headers) {
    Optional<Duration> millis =
        headers
            .firstValue("retry-after-ms")
            .flatMap(v -> number(v).map(ms -> Duration.ofMillis(ms.longValue())));
    if (millis.isPresent()) return millis;
    return headers.firstValue("retry-after").flatMap(RetryAfter::parse);
  }

  static Optional<Duration> parse(String value) {
    Optional<Double> seconds = number(value);
    if (seconds.isPresent()) return Optional.of(Duration.ofMillis((long) (seconds.get() * 1000)));
    try {
      Duration until =
          Duration.between(
              Instant.now(),
              ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Double> number(String value) {
    try {
      double d = Double.parseDouble(value.trim());
      return d >= 0 && Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
