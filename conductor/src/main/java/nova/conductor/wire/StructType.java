package nova.conductor.wire;

import org.capnproto.SegmentBuilder;
import org.capnproto.SegmentReader;
import org.capnproto.StructBuilder;
import org.capnproto.StructFactory;
import org.capnproto.StructList;
import org.capnproto.StructReader;
import org.capnproto.StructSize;

/**
 * The runtime's factory for one hand-written struct, made from its size and its Reader and Builder
 * constructors, which is all that capnpc-java would generate per struct.
 */
final class StructType<B extends StructBuilder, R extends StructReader>
    extends StructFactory<B, R> {

  interface BuilderConstructor<B> {
    B construct(SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount);
  }

  private final StructSize size;
  private final StructReader.Factory<R> readers;
  private final BuilderConstructor<B> builders;

  StructType(
      int dataWords,
      int pointers,
      StructReader.Factory<R> readers,
      BuilderConstructor<B> builders) {
    this.size = new StructSize((short) dataWords, (short) pointers);
    this.readers = readers;
    this.builders = builders;
  }

  StructList.Factory<B, R> listOf() {
    return StructList.newFactory(this);
  }

  @Override
  public R constructReader(
      SegmentReader segment,
      int data,
      int pointers,
      int dataSize,
      short pointerCount,
      int nestingLimit) {
    return readers.constructReader(segment, data, pointers, dataSize, pointerCount, nestingLimit);
  }

  @Override
  public B constructBuilder(
      SegmentBuilder segment, int data, int pointers, int dataSize, short pointerCount) {
    return builders.construct(segment, data, pointers, dataSize, pointerCount);
  }

  @Override
  public StructSize structSize() {
    return size;
  }

  /**
   * The codec never reads back what it is building; the runtime only asks for this when copying
   * structs.
   */
  @Override
  public R asReader(B builder) {
    throw new UnsupportedOperationException("wire builders are write-only");
  }
}
