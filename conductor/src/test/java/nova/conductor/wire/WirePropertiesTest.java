package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.capnproto.Serialize;

class WirePropertiesTest {

  @Provide
  Arbitrary<Body> bodies() {
    return BodyArbitraries.bodies();
  }

  @Provide
  Arbitrary<List<Body>> streams() {
    return BodyArbitraries.bodies().list().ofMaxSize(20);
  }

  @Property(tries = 2_000)
  void everyBodySurvivesEncodeAndDecode(@ForAll("bodies") Body body, @ForAll long seq)
      throws BadFrame {
    Envelope decoded = Wire.decode(WireTest.reader(Wire.encode(seq, body)));

    assertThat(decoded).isEqualTo(new Envelope(Wire.PROTOCOL_VERSION, seq, body));
  }

  /**
   * A stream of frames, some spanning segments, read back through reads that stop at arbitrary
   * bytes.
   */
  @Property(tries = 300)
  void framesSurviveAStreamThatArrivesInPieces(
      @ForAll("streams") List<Body> bodies, @ForAll @IntRange(min = 1, max = 5_000) int piece)
      throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < bodies.size(); i++) {
      Serialize.write(Channels.newChannel(stream), Wire.encode(i, bodies.get(i)));
    }
    FrameReader frames =
        new FrameReader(
            inPieces(stream.toByteArray(), piece), FrameChannel.DEFAULT_MAX_FRAME_BYTES);

    for (int i = 0; i < bodies.size(); i++) {
      assertThat(Wire.decode(frames.next()))
          .isEqualTo(new Envelope(Wire.PROTOCOL_VERSION, i, bodies.get(i)));
    }
    assertThat(frames.next()).isNull();
  }

  /**
   * Whatever a flipped byte breaks, the reader answers with a frame, an end of stream or a
   * BadFrame, nothing else.
   */
  @Property(tries = 3_000)
  void corruptFramesDecodeOrFailAsBadFrame(@ForAll("bodies") Body body, @ForAll Random random)
      throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Serialize.write(Channels.newChannel(stream), Wire.encode(1, body));
    byte[] bytes = stream.toByteArray();
    for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    FrameReader frames =
        new FrameReader(
            Channels.newChannel(new ByteArrayInputStream(bytes)),
            FrameChannel.DEFAULT_MAX_FRAME_BYTES);

    try {
      var message = frames.next();
      if (message != null) {
        Wire.decode(message);
      }
    } catch (BadFrame expected) {
      // the only failure allowed
    }
  }

  private static ReadableByteChannel inPieces(byte[] bytes, int piece) {
    ReadableByteChannel whole = Channels.newChannel(new ByteArrayInputStream(bytes));
    return new ReadableByteChannel() {
      @Override
      public int read(ByteBuffer target) throws IOException {
        ByteBuffer limited = target.slice(target.position(), Math.min(piece, target.remaining()));
        int count = whole.read(limited);
        if (count > 0) {
          target.position(target.position() + count);
        }
        return count;
      }

      @Override
      public boolean isOpen() {
        return whole.isOpen();
      }

      @Override
      public void close() throws IOException {
        whole.close();
      }
    };
  }
}
