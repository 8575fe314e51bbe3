package nova.activities.llm.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Nova's built-in stand-in for a model, so the platform runs end to end with no provider: it writes
 * deterministic text about the prompt (the same prompt always gets the same words) at a model's
 * pace, a pause before the first token and then a steady rate. It understands nothing.
 */
public record LocalModel(Duration firstToken, double tokensPerSecond) {
  public static final String CHAT_MODEL = "builtin-chat";
  public static final String EMBED_MODEL = "builtin-embed";

  private static final String[] SENTENCES = {
    "Nothing here was thought about; the words are chosen from a fixed list by a hash of your"
        + " prompt.",
    "Configure a provider on the Providers page, or set OPENAI_API_KEY, to talk to a real model.",
    "Streaming, usage accounting, rate limits and fallbacks all behave as they would with a real"
        + " provider.",
    "The same prompt always gets the same answer, which makes this model useful in tests.",
    "Tokens arrive at a steady pace after a short pause, as they do from a hosted model.",
  };

  public LocalModel {
    if (tokensPerSecond <= 0)
      throw new IllegalArgumentException(
          "tokensPerSecond must be positive, was " + tokensPerSecond);
  }

  /** The answer's tokens (words, each after its space), about 40, at most {@code maxTokens}. */
  public List<String> answer(String prompt, int maxTokens) {
    String words = String.join(" ", prompt.strip().split("\\s+", 13)).replaceAll("\\s+", " ");
    if (words.length() > 80) words = words.substring(0, 80) + "...";
    StringBuilder text =
        new StringBuilder("This is Nova's built-in local model, not a real one. You wrote: \"")
            .append(words)
            .append("\". ");
    int seed = Math.floorMod(prompt.hashCode(), SENTENCES.length);
    for (int i = 0; i < 2; i++) text.append(SENTENCES[(seed + i) % SENTENCES.length]).append(' ');
    List<String> tokens = new ArrayList<>();
    for (String word : text.toString().strip().split(" ")) {
      if (tokens.size() >= maxTokens) break;
      tokens.add(tokens.isEmpty() ? word : " " + word);
    }
    return tokens;
  }

  /** How many tokens a text counts as: about one per word, as a tokenizer would roughly say. */
  public static int tokens(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  public Duration pause(int tokenIndex) {
    return tokenIndex == 0
        ? firstToken
        : Duration.ofNanos((long) (1_000_000_000L / tokensPerSecond));
  }

  /** A deterministic unit vector of the text's words, hashed into {@code dimensions} buckets. */
  public static float[] embed(String text, int dimensions) {
    float[] vector = new float[dimensions];
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!word.isEmpty()) vector[Math.floorMod(word.hashCode(), dimensions)] += 1;
    }
    double norm = 0;
    for (float v : vector) norm += v * v;
    if (norm == 0) vector[0] = 1;
    else for (int i = 0; i < dimensions; i++) vector[i] /= (float) Math.sqrt(norm);
    return vector;
  }
}
