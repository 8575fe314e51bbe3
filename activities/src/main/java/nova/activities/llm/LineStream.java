package nova.activities.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a streamed answer, read on a virtual thread so that the consumer can wait for each
 * with a timeout: java.net.http has none between two pieces of a body, and a stalled stream must
 * fail over rather than hang.
 */
final class LineStream implements AutoCloseable {
  private static final Object END = new Object();
  private final InputStream in;
  private final Duration idle;
  private final String provider;
  private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();

  LineStream(InputStream in, Duration idle, String provider) {
    this.in = in;
    this.idle = idle;
    this.provider = provider;
    Thread.ofVirtual().name("llm-stream-" + provider).start(this::pump);
  }

  /** The next line, or null at the end of the body. */
  String next() {
    Object item;
    try {
      item = lines.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ProviderFailure(
          ProviderFailure.Kind.CONNECTION, 0, provider + ": interrupted while streaming", null, e);
    }
    if (item == null) {
      close();
      throw new ProviderFailure(
          ProviderFailure.Kind.TIMEOUT,
          0,
          provider + ": the stream stalled for " + idle.toMillis() + " ms",
          null,
          null);
    }
    if (item instanceof IOException e) {
      throw new ProviderFailure(
          ProviderFailure.Kind.CUT_OFF,
          0,
          provider + ": the stream broke off (" + e.getMessage() + ")",
          null,
          e);
    }
    return item == END ? null : (String) item;
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) lines.add(line);
      lines.add(END);
    } catch (IOException e) {
      lines.add(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is how a stalled or abandoned stream is let go; there is nothing left to tell
    }
  }
}
