package nova.conductor.wire;

import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;

/**
 * Hand-written accessors for {@code Frame}, the root struct. Every offset comes from {@code capnp
 * compile -ocapnp conductor/capnp/conductor.capnp}; CapnpInteropTest fails on any wrong one. Data
 * offsets are in units of the field's own width, as the runtime's _get/_set methods expect.
 */
final class FrameStruct {
  // 16 bytes, 1 pointer: version bits[0,16), union tag bits[16,32), seq bits[64,128), body ptr[0].
  static final StructType<Builder, Reader> factory =
      new StructType<>(2, 1, Reader::new, Builder::new);

  /**
   * The union's members in tag order, each with the struct its pointer holds (null for Void
   * members).
   */
  enum Which {
    HELLO(ModelStructs.Hello.factory),
    SETUP(ModelStructs.Setup.factory),
    SETUP_DONE(ModelStructs.SetupDone.factory),
    ASSIGN(ModelStructs.Assign.factory),
    ASSIGNED(null),
    LOAD_ADAPTER(ModelStructs.Adapter.factory),
    UNLOAD_ADAPTER(ModelStructs.Adapter.factory),
    ADAPTER_RESULT(ModelStructs.AdapterResult.factory),
    INFER(InferStructs.InferRequest.factory),
    ENCODE(InferStructs.EncodeRequest.factory),
    ENCODED(InferStructs.Encoded.factory),
    TOKEN(InferStructs.Token.factory),
    DONE(InferStructs.Done.factory),
    FAILURE(InferStructs.Failure.factory),
    CANCEL(null),
    HEARTBEAT(StatusStructs.Heartbeat.factory),
    DRAIN(null),
    DRAINED(StatusStructs.Drained.factory),
    STATUS_REQUEST(null),
    STATUS(StatusStructs.Heartbeat.factory),
    PING(StatusStructs.Ping.factory),
    PONG(StatusStructs.Ping.factory);

    private static final Which[] BY_TAG = values();
    final StructType<?, ?> body;

    Which(StructType<?, ?> body) {
      this.body = body;
    }

    /** The member with this tag, or null for a tag from a newer schema. */
    static Which ofTag(int tag) {
      return tag < BY_TAG.length ? BY_TAG[tag] : null;
    }
  }

  private FrameStruct() {}

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

    int version() {
      return uint16(0);
    }

    long seq() {
      return _getLongField(1);
    }

    int tag() {
      return uint16(1);
    }

    <R extends WireStructReader> R body(StructType<?, R> type) {
      return _getPointerField(type, 0, null, 0);
    }
  }

  static final class Builder extends WireStructBuilder {
    Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
      super(segment, data, pointers, dataSize, pointerCount);
    }

    void setVersion(int version) {
      setUint16(0, version, "version");
    }

    void setSeq(long seq) {
      _setLongField(1, seq);
    }

    /** Selects a Void member. */
    void set(Which which) {
      if (which.body != null) {
        throw new IllegalArgumentException(which + " carries a struct");
      }
      _setShortField(1, (short) which.ordinal());
    }

    /** Selects a struct member and returns its body to fill in. */
    <B extends WireStructBuilder> B init(Which which, StructType<B, ?> type) {
      if (which.body != type) {
        throw new IllegalArgumentException(which + " does not carry that struct");
      }
      _setShortField(1, (short) which.ordinal());
      return _initPointerField(type, 0, 0);
    }

    /** For tests that play a newer or broken peer. */
    void setTag(int tag) {
      _setShortField(1, (short) tag);
    }
  }
}
