package nova.conductor.wire;

import java.util.List;
import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;

/**
 * Hand-written accessors for the liveness structs: Heartbeat (also the status reply), Drained and
 * Ping (also pong). Every offset comes from {@code capnp compile -ocapnp
 * conductor/capnp/conductor.capnp} (data offsets in units of the field's width); CapnpInteropTest
 * fails on any wrong one.
 */
final class StatusStructs {
  private static final AgentState[] AGENT_STATES = AgentState.values();

  private StatusStructs() {}

  /**
   * 24 bytes, 1 pointer: sentNanos word 0, state bits[64,80), inFlight bits[96,128), completed word
   * 2.
   */
  static final class Heartbeat {
    static final StructType<Builder, Reader> factory =
        new StructType<>(3, 1, Reader::new, Builder::new);

    static final class Reader extends WireStructReader {
      Reader(
          SegmentReader segment,
          int data,
          int pointers,
          int dataSize,
          short pointerCount,
          int nestingLimit) {
        super(segment, data, pointers, dataSize, pointerCount, nestingLimit);
      }

      long sentNanos() {
        return _getLongField(0);
      }

      AgentState state() {
        return enumerant(4, AGENT_STATES);
      }

      int inFlight() {
        return _getIntField(3);
      }

      long completed() {
        return _getLongField(2);
      }

      List<String> adapters() {
        return textList(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setSentNanos(long value) {
        _setLongField(0, value);
      }

      void setState(AgentState value) {
        setEnumerant(4, value);
      }

      void setInFlight(int value) {
        _setIntField(3, value);
      }

      void setCompleted(long value) {
        _setLongField(2, value);
      }

      void setAdapters(List<String> values) {
        setTextList(0, values);
      }
    }
  }

  /** 8 bytes, no pointers. */
  static final class Drained {
    static final StructType<Builder, Reader> factory =
        new StructType<>(1, 0, Reader::new, Builder::new);

    static final class Reader extends WireStructReader {
      Reader(
          SegmentReader segment,
          int data,
          int pointers,
          int dataSize,
          short pointerCount,
          int nestingLimit) {
        super(segment, data, pointers, dataSize, pointerCount, nestingLimit);
      }

      long completed() {
        return _getLongField(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setCompleted(long value) {
        _setLongField(0, value);
      }
    }
  }

  /** 8 bytes, 1 pointer. */
  static final class Ping {
    static final StructType<Builder, Reader> factory =
        new StructType<>(1, 1, Reader::new, Builder::new);

    static final class Reader extends WireStructReader {
      Reader(
          SegmentReader segment,
          int data,
          int pointers,
          int dataSize,
          short pointerCount,
          int nestingLimit) {
        super(segment, data, pointers, dataSize, pointerCount, nestingLimit);
      }

      long sentNanos() {
        return _getLongField(0);
      }

      byte[] payload() {
        return data(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setSentNanos(long value) {
        _setLongField(0, value);
      }

      void setPayload(byte[] value) {
        setData(0, value);
      }
    }
  }
}
