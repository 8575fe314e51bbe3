package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import nova.conductor.wire.BadFrame.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes no honest peer sends: each must end in a BadFrame, never in a huge allocation or another
 * exception.
 */
@Timeout(60)
class FrameChannelGarbageTest {

  /**
   * The stream stays open: the reader must refuse from the table alone, without waiting for the
   * claimed bytes.
   */
  @ParameterizedTest(name = "{0} segment(s) of {1} words")
  @CsvSource({"1, 0x20000000", "1, 0xFFFFFFFF", "2, 0x7FFFFFFF", "3, 0x00200000"})
  void aSegmentTableClaimingGigabytesIsRefusedBeforeAllocating(int segments, String words)
      throws Exception {
    ByteBuffer table =
        ByteBuffer.allocate(4 * ((segments + 2) & ~1)).order(ByteOrder.LITTLE_ENDIAN);
    table.putInt(segments - 1);
    for (int i = 0; i < segments; i++) {
      table.putInt(Integer.parseUnsignedInt(words.substring(2), 16));
    }
    try (SocketPair pair = SocketPair.open()) {
      pair.writeRaw(table.array());
      FrameChannel reader = new FrameChannel(pair.left());

      BadFrame refused = null;
      long before = allocatedBytes();
      try {
        reader.read();
      } catch (BadFrame e) {
        refused = e;
      }
      long allocated = allocatedBytes() - before;

      assertThat(refused).isNotNull().extracting(BadFrame::reason).isEqualTo(Reason.TOO_LARGE);
      assertThat(allocated).isLessThan(1 << 20);
    }
  }

  @ParameterizedTest
  @CsvSource({"0xFFFFFFFF", "0x00000200"})
  void aSegmentTableWithTooManySegmentsIsMalformed(String countMinusOne) throws Exception {
    ByteBuffer word =
        ByteBuffer.allocate(8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(Integer.parseUnsignedInt(countMinusOne.substring(2), 16));
    try (SocketPair pair = SocketPair.open()) {
      pair.writeRaw(word.array());

      assertThatThrownBy(new FrameChannel(pair.left())::read)
          .isInstanceOfSatisfying(
              BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Test
  void aFrameOverAConfiguredLimitIsRefusedByReaderAndWriter() throws Exception {
    Body big = new Body.Token(1, "z".repeat(10_000));
    try (SocketPair pair = SocketPair.open()) {
      new FrameChannel(pair.right()).write(1, big);
      FrameChannel small = new FrameChannel(pair.left(), 4096);

      assertThatThrownBy(small::read)
          .isInstanceOfSatisfying(
              BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
          .hasMessageContaining("4096");
      assertThatThrownBy(() -> small.write(2, big)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * Even seeds send pure noise; odd ones a sound segment table in front of random words, to reach
   * the decoder.
   */
  @Test
  void randomBytesAreABadFrame() throws Exception {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      byte[] garbage;
      if (seed % 2 == 0) {
        garbage = new byte[1 + random.nextInt(2048)];
        random.nextBytes(garbage);
      } else {
        int words = 1 + random.nextInt(64);
        ByteBuffer frame =
            ByteBuffer.allocate(8 + 8 * words)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0)
                .putInt(words);
        byte[] noise = new byte[8 * words];
        random.nextBytes(noise);
        garbage = frame.put(noise).array();
      }
      try (SocketPair pair = SocketPair.open()) {
        pair.writeRaw(garbage);
        pair.right().shutdownOutput();

        assertThatThrownBy(new FrameChannel(pair.left())::read)
            .as("seed %d", seed)
            .isInstanceOf(BadFrame.class);
      }
    }
  }

  private static long allocatedBytes() {
    return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
