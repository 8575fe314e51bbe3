package nova.conductor.wire;

import java.util.List;
import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;

/**
 * Hand-written accessors for the structs that set an agent up: Hello, Setup, SetupDone, Assign,
 * Adapter and AdapterResult. Every offset comes from {@code capnp compile -ocapnp
 * conductor/capnp/conductor.capnp} (data offsets in units of the field's width, bools in bits);
 * CapnpInteropTest fails on any wrong one.
 */
final class ModelStructs {
  private static final ModelKind[] MODEL_KINDS = ModelKind.values();
  private static final LoraMode[] LORA_MODES = LoraMode.values();

  private ModelStructs() {}

  /** 8 bytes, 2 pointers. */
  static final class Hello {
    static final StructType<Builder, Reader> factory =
        new StructType<>(1, 2, Reader::new, Builder::new);

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

      String agentId() {
        return text(0);
      }

      String engine() {
        return text(1);
      }

      int pid() {
        return _getIntField(0);
      }

      boolean mock() {
        return _getBooleanField(32);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setAgentId(String value) {
        setText(0, value);
      }

      void setEngine(String value) {
        setText(1, value);
      }

      void setPid(int value) {
        _setIntField(0, value);
      }

      void setMock(boolean value) {
        _setBooleanField(32, value);
      }
    }
  }

  /** 16 bytes, 2 pointers. The compiler packs shard into the hole after kind, before maxContext. */
  static final class Setup {
    static final StructType<Builder, Reader> factory =
        new StructType<>(2, 2, Reader::new, Builder::new);

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

      String model() {
        return text(0);
      }

      String role() {
        return text(1);
      }

      ModelKind kind() {
        return enumerant(0, MODEL_KINDS);
      }

      int maxContext() {
        return _getIntField(1);
      }

      int shard() {
        return uint16(1);
      }

      int shards() {
        return uint16(4);
      }

      LoraMode loraMode() {
        return enumerant(5, LORA_MODES);
      }

      int maxAdapters() {
        return uint16(6);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setModel(String value) {
        setText(0, value);
      }

      void setRole(String value) {
        setText(1, value);
      }

      void setKind(ModelKind value) {
        setEnumerant(0, value);
      }

      void setMaxContext(int value) {
        _setIntField(1, value);
      }

      void setShard(int value) {
        setUint16(1, value, "shard");
      }

      void setShards(int value) {
        setUint16(4, value, "shards");
      }

      void setLoraMode(LoraMode value) {
        setEnumerant(5, value);
      }

      void setMaxAdapters(int value) {
        setUint16(6, value, "maxAdapters");
      }
    }
  }

  /** 8 bytes, 1 pointer. */
  static final class SetupDone {
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

      boolean ok() {
        return _getBooleanField(0);
      }

      String message() {
        return text(0);
      }

      int loadMillis() {
        return _getIntField(1);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setOk(boolean value) {
        _setBooleanField(0, value);
      }

      void setMessage(String value) {
        setText(0, value);
      }

      void setLoadMillis(int value) {
        _setIntField(1, value);
      }
    }
  }

  /** 8 bytes, 3 pointers. */
  static final class Assign {
    static final StructType<Builder, Reader> factory =
        new StructType<>(1, 3, Reader::new, Builder::new);

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

      String instance() {
        return text(0);
      }

      String role() {
        return text(1);
      }

      int group() {
        return uint16(0);
      }

      List<String> peers() {
        return textList(2);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setInstance(String value) {
        setText(0, value);
      }

      void setRole(String value) {
        setText(1, value);
      }

      void setGroup(int value) {
        setUint16(0, value, "group");
      }

      void setPeers(List<String> values) {
        setTextList(2, values);
      }
    }
  }

  /** 8 bytes, 2 pointers; the body of both loadAdapter and unloadAdapter. */
  static final class Adapter {
    static final StructType<Builder, Reader> factory =
        new StructType<>(1, 2, Reader::new, Builder::new);

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

      String name() {
        return text(0);
      }

      int rank() {
        return uint16(0);
      }

      String path() {
        return text(1);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setName(String value) {
        setText(0, value);
      }

      void setRank(int value) {
        setUint16(0, value, "rank");
      }

      void setPath(String value) {
        setText(1, value);
      }
    }
  }

  /** 8 bytes, 2 pointers. */
  static final class AdapterResult {
    static final StructType<Builder, Reader> factory =
        new StructType<>(1, 2, Reader::new, Builder::new);

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

      boolean ok() {
        return _getBooleanField(0);
      }

      String message() {
        return text(0);
      }

      List<String> loaded() {
        return textList(1);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setOk(boolean value) {
        _setBooleanField(0, value);
      }

      void setMessage(String value) {
        setText(0, value);
      }

      void setLoaded(List<String> values) {
        setTextList(1, values);
      }
    }
  }
}
