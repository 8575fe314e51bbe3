package nova.conductor.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.capnproto.Data;
import org.capnproto.SegmentReader;
import org.capnproto.StructReader;
import org.capnproto.Text;
import org.capnproto.TextList;

/**
 * A struct reader whose pointer fields read straight into Java values: the decoder keeps nothing of
 * the message.
 */
abstract class WireStructReader extends StructReader {

  WireStructReader(
      SegmentReader segment,
      int data,
      int pointers,
      int dataSize,
      short pointerCount,
      int nestingLimit) {
    super(segment, data, pointers, dataSize, pointerCount, nestingLimit);
  }

  final int uint16(int offset) {
    return Short.toUnsignedInt(_getShortField(offset));
  }

  /** The enumerant at this offset, or null for one from a newer schema. */
  final <E extends Enum<E>> E enumerant(int offset, E[] values) {
    int ordinal = uint16(offset);
    return ordinal < values.length ? values[ordinal] : null;
  }

  final String text(int pointer) {
    return string(_getPointerField(Text.factory, pointer, null, 0, 0));
  }

  final List<String> textList(int pointer) {
    TextList.Reader list = _getPointerField(TextList.factory, pointer, null, 0);
    String[] values = new String[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = string(list.get(i));
    }
    return List.of(values);
  }

  final byte[] data(int pointer) {
    Data.Reader data = _getPointerField(Data.factory, pointer, null, 0, 0);
    return data.size == 0 ? new byte[0] : data.toArray();
  }

  /**
   * Decodes from the segment's array when it has one, sparing the copy that Text.Reader.toString
   * makes.
   */
  private static String string(Text.Reader text) {
    if (text.size == 0) {
      return "";
    }
    ByteBuffer buffer = text.buffer;
    if (buffer.hasArray()) {
      return new String(
          buffer.array(), buffer.arrayOffset() + text.offset, text.size, StandardCharsets.UTF_8);
    }
    return text.toString();
  }
}
