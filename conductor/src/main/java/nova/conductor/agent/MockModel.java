package nova.conductor.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mock agent "generates": deterministic words chosen by a hash of the prompt and the
 * adapter, at a model's pace (a pause before the first token, then a steady rate). The same
 * request always gets the same tokens, so a stream resumed on another agent after a failover
 * continues exactly where it stopped.
 */
public record MockModel(Duration firstToken, double tokensPerSecond) {
  private static final String[] WORDS = ("the conductor routes each request to an agent on an inference engine which streams tokens back "
      + "over a unix socket while heartbeats report load and adapters so a crashed agent is restarted and its work fails over")
      .split(" ");

  public MockModel {
    if (tokensPerSecond <= 0) throw new IllegalArgumentException("tokens per second must be positive, was " + tokensPerSecond);
  }

  /** The whole answer to this prompt, each word after its space; an adapter's name leads its answers. */
  public List<String> answer(String prompt, String adapter, int imageTokens) {
    long seed = mix(prompt.hashCode() * 31L + adapter.hashCode()) ^ imageTokens;
    int length = 24 + (int) Math.floorMod(seed, 40);
    List<String> tokens = new ArrayList<>(length);
    if (!adapter.isEmpty()) tokens.add("[" + adapter + "]");
    for (int i = 0; tokens.size() < length; i++) {
      seed = mix(seed + i);
      tokens.add(" " + WORDS[(int) Math.floorMod(seed, WORDS.length)]);
    }
    return tokens;
  }

  /** About one token per word, as a tokenizer would roughly count. */
  public static int tokens(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  /** A vision encoder's token count for one image: fixed, as a ViT's patch grid is (24 x 24). */
  public static final int IMAGE_TOKENS = 576;

  public long pauseNanos(int index) {
    return index == 0 ? firstToken.toNanos() : (long) (1_000_000_000L / tokensPerSecond);
  }

  private static long mix(long x) { // splitmix64's finalizer: a cheap, well-spread hash
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }
}
