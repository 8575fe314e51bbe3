package nova.activities.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a long text into windows of {@link #WORDS} words that share {@link #OVERLAP} words with the
 * window before, so a sentence cut at one edge is whole in the next. 120 words stay under the local
 * model's 256 tokens; each chunk keeps the text's own spacing.
 */
final class Chunker {
  public static final int WORDS = 120;
  public static final int OVERLAP = 24;
  private static final Pattern WORD = Pattern.compile("\\S+");

  private Chunker() {}

  public static List<String> chunks(String text) {
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) words.add(new int[] {m.start(), m.end()});
    if (words.size() <= WORDS) return List.of(text.strip());
    List<String> chunks = new ArrayList<>();
    for (int first = 0; ; first += WORDS - OVERLAP) {
      int last = Math.min(words.size(), first + WORDS) - 1;
      chunks.add(text.substring(words.get(first)[0], words.get(last)[1]));
      if (last == words.size() - 1) return chunks;
    }
  }
}
