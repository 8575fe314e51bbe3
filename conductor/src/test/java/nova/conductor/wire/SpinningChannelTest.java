package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agent links' socket: it must keep every promise of a blocking one, whether it spins or
 * sleeps.
 */
@Timeout(60)
class SpinningChannelTest {
  private static final Duration SPIN = Duration.ofNanos(50_000);

  @Test
  void requestsAndRepliesRoundTripBetweenTwoSpinningEnds() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      FrameChannel conductor = FrameChannel.spinning(pair.left(), SPIN);
      FrameChannel agent = FrameChannel.spinning(pair.right(), SPIN);
      Thread echo =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (Envelope e; (e = agent.read()) != null; )
                        agent.write(
                            e.seq(),
                            new Body.Pong(((Body.Ping) e.body()).sentNanos(), new byte[0]));
                    } catch (IOException e) {
                      // closed at the end of the test
                    }
                  });
      for (long seq = 1; seq <= 5_000; seq++) {
        conductor.write(seq, new Body.Ping(seq, new byte[] {1, 2, 3}));
        assertThat(conductor.read())
            .isEqualTo(new Envelope(1, seq, new Body.Pong(seq, new byte[0])));
        if (seq % 1000 == 0)
          Thread.sleep(5); // a quiet moment: the next read sleeps instead of spinning
      }
      conductor.close();
      echo.join();
    }
  }

  /**
   * A frame far larger than the socket's buffer: the writer waits for room instead of dropping
   * bytes.
   */
  @Test
  void aFrameLargerThanTheSocketBufferArrivesWhole() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      FrameChannel writer = FrameChannel.spinning(pair.left(), SPIN);
      FrameChannel reader = FrameChannel.spinning(pair.right(), SPIN);
      byte[] payload = new byte[4 * 1024 * 1024];
      Arrays.fill(payload, (byte) 7);
      CompletableFuture<Envelope> read =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  Thread.sleep(100); // the writer fills the socket first and must wait
                  return reader.read();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      writer.write(9, new Body.Ping(42, payload));
      Body.Ping got = (Body.Ping) read.get(30, TimeUnit.SECONDS).body();
      assertThat(got.sentNanos()).isEqualTo(42);
      assertThat(got.payload()).isEqualTo(payload);
    }
  }

  @Test
  void closingFromAnotherThreadEndsABlockedRead() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      FrameChannel channel = FrameChannel.spinning(pair.left(), SPIN);
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      Thread.ofPlatform()
          .start(
              () -> {
                try {
                  channel.read();
                  ended.complete(null);
                } catch (Throwable t) {
                  ended.complete(t);
                }
              });
      Thread.sleep(200); // long past the spin: the reader sleeps in its selector
      channel.close();
      assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
      assertThatThrownBy(channel::read).isInstanceOf(ClosedChannelException.class);
    }
  }

  @Test
  void anInterruptClosesTheChannelAsABlockingOneDoes() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      FrameChannel channel = FrameChannel.spinning(pair.left(), SPIN);
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      channel.read();
                      ended.complete(null);
                    } catch (Throwable t) {
                      ended.complete(t);
                    }
                  });
      Thread.sleep(200);
      reader.interrupt();
      assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(ClosedByInterruptException.class);
      assertThat(pair.left().isOpen()).isFalse();
    }
  }

  @Test
  void theEndOfTheStreamIsACleanNull() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      FrameChannel channel = FrameChannel.spinning(pair.left(), SPIN);
      pair.right().close();
      assertThat(channel.read()).isNull();
    }
  }
}
