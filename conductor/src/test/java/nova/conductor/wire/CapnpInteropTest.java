package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import nova.conductor.wire.WireSamples.Sample;
import org.capnproto.Serialize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the hand-written accessors against the reference implementation in both directions. Since
 * every sample sets every field to a distinct non-default value, a wrong offset or struct size in
 * any accessor fails here.
 */
class CapnpInteropTest {

  static List<Sample> samples() {
    return WireSamples.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void javaReadsWhatCapnpEncodes(Sample sample) throws Exception {
    byte[] bytes = CapnpTool.encode(sample.capnpText());

    assertThat(Wire.decode(Serialize.read(ByteBuffer.wrap(bytes)))).isEqualTo(sample.envelope());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void capnpReadsWhatJavaEncodes(Sample sample) throws Exception {
    byte[] bytes = CapnpTool.bytesOf(Wire.encode(sample.seq(), sample.body()));

    assertThat(CapnpTool.decode(bytes)).isEqualTo(sample.capnpText() + "\n");
  }

  /**
   * Both sides set fields in schema order, which is also pointer order, so the reference builder
   * and ours place every object at the same word and the frames match byte for byte.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void javaLaysOutFramesAsCapnpDoes(Sample sample) throws Exception {
    byte[] java = CapnpTool.bytesOf(Wire.encode(sample.seq(), sample.body()));

    assertThat(java).isEqualTo(CapnpTool.encode(sample.capnpText()));
  }

  @Test
  void everyUnionMemberHasASample() {
    List<Class<?>> sampled =
        samples().stream().<Class<?>>map(sample -> sample.body().getClass()).toList();

    assertThat(sampled).containsAll(List.of(Body.class.getPermittedSubclasses()));
  }

  @Test
  void schemaStillHasTheLayoutTheAccessorsWereWrittenFrom() throws Exception {
    String layout = CapnpTool.compileToCapnp();

    assertThat(layout)
        .contains(
            "const protocolVersion @0xf2fb0447144011c4 :UInt16 = " + Wire.PROTOCOL_VERSION + ";")
        .contains("struct Frame @0x9897b9686d279656 {  # 16 bytes, 1 ptrs")
        .contains("union {  # tag bits [16, 32)")
        .contains(
            "pong @23 :Ping;  # ptr[0], union tag = " + (FrameStruct.Which.values().length - 1));
  }
}
