package nova.conductor.wire;

import java.util.List;
import org.capnproto.Data;
import org.capnproto.SegmentBuilder;
import org.capnproto.StructBuilder;
import org.capnproto.Text;
import org.capnproto.TextList;

/**
 * A struct builder whose pointer fields take Java values. A null text or data stays an absent
 * pointer.
 */
abstract class WireStructBuilder extends StructBuilder {

  WireStructBuilder(
      SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
    super(segment, data, pointers, dataSize, pointerCount);
  }

  final void setUint16(int offset, int value, String field) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(field + " is a UInt16 but was " + value);
    }
    _setShortField(offset, (short) value);
  }

  final void setEnumerant(int offset, Enum<?> value) {
    _setShortField(offset, (short) value.ordinal());
  }

  final void setText(int pointer, String value) {
    if (value != null) {
      _setPointerField(Text.factory, pointer, new Text.Reader(value));
    }
  }

  final void setTextList(int pointer, List<String> values) {
    TextList.Builder list = _initPointerField(TextList.factory, pointer, values.size());
    for (int i = 0; i < values.size(); i++) {
      list.set(i, new Text.Reader(values.get(i)));
    }
  }

  final void setData(int pointer, byte[] value) {
    if (value != null) {
      _setPointerField(Data.factory, pointer, new Data.Reader(value));
    }
  }
}
