package nova.activities.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * The small parsers under the provider clients: Retry-After in its forms, and the event-stream
 * format's corners.
 */
class WireParsingTest {
  @Test
  void retryAfterComesInSecondsOrAsADate() {
    assertThat(RetryAfter.parse("2")).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(" 1.5 ")).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT"))
        .as("a date in the past")
        .contains(Duration.ZERO);
    String soon =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    assertThat(RetryAfter.parse(soon).orElseThrow())
        .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
    assertThat(RetryAfter.parse("soon")).isEmpty();
    assertThat(RetryAfter.parse("-3")).isEmpty();
  }

  @Test
  void eventsJoinDataLinesSkipCommentsAndDropAnUnfinishedLastEvent() {
    String wire =
        ": keep-alive\n\n"
            + "event: first\n"
            + "data: line one\n"
            + "data:line two\n\n"
            + "data: {\"x\":1}\r\n\r\n"
            + "event: last\n"
            + "data: never ended";
    try (SseEvents events =
        new SseEvents(
            new LineStream(
                new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(2),
                "t"))) {
      assertThat(events.next()).isEqualTo(new SseEvents.Event("first", "line one\nline two"));
      assertThat(events.next()).isEqualTo(new SseEvents.Event("message", "{\"x\":1}"));
      assertThat(events.next()).isNull();
    }
  }
}
