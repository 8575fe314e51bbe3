package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** How a request must be answered while a part is down: soon, and with a 503 that says enough. */
final class Replies {
  /**
   * An action while a part is down must be answered within this (the server's own bound is 10 s,
   * plus a check).
   */
  private static final long ANSWER_MS = 25_000;

  private Replies() {}

  static void expect503(Api.Reply reply, String part, Boolean accepted) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).as("Retry-After").isPresent();
    assertThat(reply.json().path("detail").path("part").asText()).as(reply.body()).isEqualTo(part);
    if (accepted != null)
      assertThat(reply.json().path("detail").path("accepted").asBoolean(!accepted))
          .as(reply.body())
          .isEqualTo(accepted);
  }

  static Api.Reply timed(Supplier<Api.Reply> call) {
    long t0 = System.nanoTime();
    Api.Reply reply = call.get();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("answered %d in %d ms: %s%n", reply.status(), ms, reply.body());
    assertThat(ms).as("answered, not hung").isLessThan(ANSWER_MS);
    return reply;
  }

  static Api.Reply eventually(String what, Supplier<Api.Reply> call, Predicate<Api.Reply> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    Api.Reply last = null;
    while (System.nanoTime() < deadline) {
      last = call.get();
      if (done.test(last)) return last;
      Thread.sleep(250);
    }
    throw new AssertionError(
        what
            + ": not within 60 s; last answer "
            + (last == null ? "none" : last.status() + " " + last.body()));
  }
}
