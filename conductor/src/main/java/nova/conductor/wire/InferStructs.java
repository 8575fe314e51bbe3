package nova.conductor.wire;

import java.util.List;
import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;
import org.capnproto.StructList;

/**
 * Hand-written accessors for the inference structs: ChatMessage, InferRequest, EncodeRequest,
 * Encoded, Token, Done and Failure. Every offset comes from {@code capnp compile -ocapnp
 * conductor/capnp/conductor.capnp} (data offsets in units of the field's width); CapnpInteropTest
 * fails on any wrong one.
 */
final class InferStructs {
  private static final FailureCode[] FAILURE_CODES = FailureCode.values();

  private InferStructs() {}

  /** 0 bytes, 3 pointers; only ever an element of InferRequest.messages. */
  static final class ChatMessage {
    static final StructType<Builder, Reader> factory =
        new StructType<>(0, 3, Reader::new, Builder::new);
    static final StructList.Factory<Builder, Reader> listFactory = factory.listOf();

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

      String role() {
        return text(0);
      }

      String content() {
        return text(1);
      }

      List<String> images() {
        return textList(2);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setRole(String value) {
        setText(0, value);
      }

      void setContent(String value) {
        setText(1, value);
      }

      void setImages(List<String> values) {
        setTextList(2, values);
      }
    }
  }

  /** 16 bytes, 2 pointers. */
  static final class InferRequest {
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

      StructList.Reader<ChatMessage.Reader> messages() {
        return _getPointerField(ChatMessage.listFactory, 0, null, 0);
      }

      int maxTokens() {
        return _getIntField(0);
      }

      float temperature() {
        return _getFloatField(1);
      }

      String adapter() {
        return text(1);
      }

      int imageTokens() {
        return _getIntField(2);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      StructList.Builder<ChatMessage.Builder> initMessages(int size) {
        return _initPointerField(ChatMessage.listFactory, 0, size);
      }

      void setMaxTokens(int value) {
        _setIntField(0, value);
      }

      void setTemperature(float value) {
        _setFloatField(1, value);
      }

      void setAdapter(String value) {
        setText(1, value);
      }

      void setImageTokens(int value) {
        _setIntField(2, value);
      }
    }
  }

  /** 0 bytes, 1 pointer. */
  static final class EncodeRequest {
    static final StructType<Builder, Reader> factory =
        new StructType<>(0, 1, Reader::new, Builder::new);

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

      List<String> images() {
        return textList(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setImages(List<String> values) {
        setTextList(0, values);
      }
    }
  }

  /** 8 bytes, no pointers. */
  static final class Encoded {
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

      int imageTokens() {
        return _getIntField(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setImageTokens(int value) {
        _setIntField(0, value);
      }
    }
  }

  /** 8 bytes, 1 pointer. */
  static final class Token {
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

      int index() {
        return _getIntField(0);
      }

      String text() {
        return text(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setIndex(int value) {
        _setIntField(0, value);
      }

      void setText(String value) {
        setText(0, value);
      }
    }
  }

  /** 8 bytes, 1 pointer. */
  static final class Done {
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

      int promptTokens() {
        return _getIntField(0);
      }

      int completionTokens() {
        return _getIntField(1);
      }

      String finishReason() {
        return text(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setPromptTokens(int value) {
        _setIntField(0, value);
      }

      void setCompletionTokens(int value) {
        _setIntField(1, value);
      }

      void setFinishReason(String value) {
        setText(0, value);
      }
    }
  }

  /** 8 bytes, 1 pointer. */
  static final class Failure {
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

      FailureCode code() {
        return enumerant(0, FAILURE_CODES);
      }

      String message() {
        return text(0);
      }
    }

    static final class Builder extends WireStructBuilder {
      Builder(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
        super(segment, data, pointers, dataSize, pointerCount);
      }

      void setCode(FailureCode value) {
        setEnumerant(0, value);
      }

      void setMessage(String value) {
        setText(0, value);
      }
    }
  }
}
