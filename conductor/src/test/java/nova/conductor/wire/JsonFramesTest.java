package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import nova.conductor.wire.BadFrame.Reason;
import nova.conductor.wire.WireSamples.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class JsonFramesTest {

  @Test
  void everySampleCrossesASocketAndTheStreamEndsInNull() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      JsonFrames writer = new JsonFrames(pair.right());
      for (Sample sample : WireSamples.all()) {
        writer.write(sample.seq(), sample.body());
      }
      pair.right().shutdownOutput();
      JsonFrames reader = new JsonFrames(pair.left());

      for (Sample sample : WireSamples.all()) {
        assertThat(reader.read()).isEqualTo(sample.envelope());
      }
      assertThat(reader.read()).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"version\":1,\"seq\":1,\"body\":{\"type\":\"Drain\"}    | MALFORMED",
        "{\"version\":1,\"seq\":1,\"body\":{\"type\":\"Teleport\"}} | UNKNOWN_MEMBER",
        "{\"version\":2,\"seq\":1,\"body\":{\"type\":\"Drain\"}}    | UNKNOWN_VERSION",
        "not json                                                  | MALFORMED",
        "{\"version\":1,\"seq\":1}                                 | MALFORMED"
      })
  void framesThatAreNotWholeKnownEnvelopesAreBad(String json, Reason reason) throws Exception {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try (SocketPair pair = SocketPair.open()) {
      pair.writeRaw(ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array());
      pair.right().shutdownOutput();

      assertThatThrownBy(new JsonFrames(pair.left())::read)
          .isInstanceOfSatisfying(BadFrame.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
  }

  @Test
  void aLengthPrefixOverTheLimitIsRefusedWithoutWaitingForTheBytes() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      pair.writeRaw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0});

      assertThatThrownBy(new JsonFrames(pair.left())::read)
          .isInstanceOfSatisfying(
              BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }
  }
}
