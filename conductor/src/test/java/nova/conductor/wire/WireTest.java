package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import nova.conductor.wire.BadFrame.Reason;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;
import org.capnproto.ReaderOptions;
import org.junit.jupiter.api.Test;

class WireTest {

  @Test
  void aFrameOfAnotherVersionIsRefusedNamingBothVersions() {
    MessageBuilder message = new MessageBuilder();
    FrameStruct.Builder frame = message.initRoot(FrameStruct.factory);
    frame.setVersion(2);
    frame.setSeq(77);
    frame.set(FrameStruct.Which.DRAIN);

    assertThatThrownBy(() -> Wire.decode(reader(message)))
        .isInstanceOfSatisfying(
            BadFrame.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_VERSION);
              assertThat(e.seq()).hasValue(77);
            })
        .hasMessageContaining("version 2")
        .hasMessageContaining("version 1");
  }

  @Test
  void aUnionMemberFromANewerSchemaIsRefused() {
    MessageBuilder message = Wire.encode(5, new Body.Drain());
    message.getRoot(FrameStruct.factory).setTag(FrameStruct.Which.values().length);

    assertThatThrownBy(() -> Wire.decode(reader(message)))
        .isInstanceOfSatisfying(
            BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MEMBER))
        .hasMessageContaining("body tag 22");
  }

  @Test
  void anEnumerantFromANewerSchemaIsRefused() {
    MessageBuilder message = new MessageBuilder();
    FrameStruct.Builder frame = message.initRoot(FrameStruct.factory);
    frame.setVersion(Wire.PROTOCOL_VERSION);
    InferStructs.Failure.Builder failure =
        frame.init(FrameStruct.Which.FAILURE, InferStructs.Failure.factory);
    failure.setUint16(0, FailureCode.values().length, "code");

    assertThatThrownBy(() -> Wire.decode(reader(message)))
        .isInstanceOfSatisfying(
            BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MEMBER))
        .hasMessageContaining("FailureCode");
  }

  @Test
  void pointersOutsideTheMessageAreMalformed() {
    ByteBuffer segment = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    segment.putLong(0, 0x0001_0002_7FFF_FFF0L); // a struct pointer far past the segment's end

    assertThatThrownBy(
            () ->
                Wire.decode(
                    new MessageReader(
                        new ByteBuffer[] {segment}, ReaderOptions.DEFAULT_READER_OPTIONS)))
        .isInstanceOfSatisfying(
            BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void anEmptySegmentIsMalformed() {
    ByteBuffer empty = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);

    assertThatThrownBy(
            () ->
                Wire.decode(
                    new MessageReader(
                        new ByteBuffer[] {empty}, ReaderOptions.DEFAULT_READER_OPTIONS)))
        .isInstanceOfSatisfying(
            BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void uint16FieldsRefuseValuesThatDoNotFit() {
    assertThatThrownBy(() -> Wire.encode(1, new Body.Assign("i", "r", 65536, List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> Wire.encode(1, new Body.LoadAdapter("a", -1, "p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank");
  }

  @Test
  void nullTextsAreSentAbsentAndReadBackEmpty() throws BadFrame {
    Envelope envelope = Wire.decode(reader(Wire.encode(3, new Body.Token(0, null))));

    assertThat(envelope.body()).isEqualTo(new Body.Token(0, ""));
  }

  @Test
  void anAbsentBodyReadsAsItsDefaults() throws BadFrame {
    MessageBuilder message = new MessageBuilder();
    FrameStruct.Builder frame = message.initRoot(FrameStruct.factory);
    frame.setVersion(Wire.PROTOCOL_VERSION);
    frame.setTag(FrameStruct.Which.HEARTBEAT.ordinal());

    assertThat(Wire.decode(reader(message)).body())
        .isEqualTo(new Body.Heartbeat(0, AgentState.STARTING, 0, 0, List.of()));
  }

  @Test
  void aBodyLargerThanTheFirstSegmentSpansSegments() throws BadFrame {
    Body big = new Body.Token(1, "x".repeat(10_000));
    MessageBuilder message = Wire.encode(9, big);

    assertThat(message.getSegmentsForOutput()).hasSizeGreaterThan(1);
    assertThat(Wire.decode(reader(message)).body()).isEqualTo(big);
  }

  static MessageReader reader(MessageBuilder message) {
    return new MessageReader(message.getSegmentsForOutput(), ReaderOptions.DEFAULT_READER_OPTIONS);
  }
}
