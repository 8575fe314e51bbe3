package nova.activities.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkerTest {
  private static final String[] SEPARATORS = {" ", "\n", "\t", "  \r\n "};

  @Test
  void aShortTextIsOneChunkWithItsEdgesStrippedAndInnerSpacingKept() {
    assertThat(Chunker.chunks("  \n Hello,   world.\n\tSecond line.  \n"))
        .containsExactly("Hello,   world.\n\tSecond line.");
  }

  @Test
  void aBlankTextIsOneEmptyChunk() {
    assertThat(Chunker.chunks("")).containsExactly("");
    assertThat(Chunker.chunks(" \n\t\r ")).containsExactly("");
  }

  @Test
  void exactlyOneHundredTwentyWordsStayWhole() {
    assertThat(Chunker.chunks(" " + joined(0, 120) + "\n")).containsExactly(joined(0, 120));
  }

  @Test
  void oneWordOverTheLimitAddsAWindowOfTheLast25Words() {
    assertThat(Chunker.chunks(joined(0, 121))).containsExactly(joined(0, 120), joined(96, 121));
  }

  @Test
  void threeHundredNineWordsMakeThreeWindowsSteppingBy96() {
    assertThat(Chunker.chunks(joined(0, 309)))
        .containsExactly(joined(0, 120), joined(96, 216), joined(192, 309));
  }

  @ParameterizedTest
  @CsvSource({"121, 2", "216, 2", "217, 3", "309, 3", "1000, 11"})
  void windowsAreFullExceptTheLastAndNoneIsOnlyOverlap(int words, int windows) {
    List<List<String>> chunks = split(Chunker.chunks(joined(0, words)));

    assertThat(chunks).hasSize(windows);
    chunks.subList(0, windows - 1).forEach(c -> assertThat(c).hasSize(Chunker.WORDS));
    assertThat(chunks.getLast()).hasSizeBetween(Chunker.OVERLAP + 1, Chunker.WORDS);
  }

  @ParameterizedTest
  @ValueSource(ints = {121, 216, 217, 309, 1000})
  void everyWindowOpensWithThePreviousWindowsLast24Words(int words) {
    List<List<String>> chunks = split(Chunker.chunks(joined(0, words)));

    for (int i = 1; i < chunks.size(); i++) {
      List<String> previous = chunks.get(i - 1);
      assertThat(chunks.get(i).subList(0, Chunker.OVERLAP))
          .isEqualTo(previous.subList(previous.size() - Chunker.OVERLAP, previous.size()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {121, 216, 217, 309, 1000})
  void droppingEachOverlapRebuildsTheWordSequence(int words) {
    List<List<String>> chunks = split(Chunker.chunks(joined(0, words)));

    List<String> rebuilt = new ArrayList<>(chunks.getFirst());
    chunks
        .subList(1, chunks.size())
        .forEach(c -> rebuilt.addAll(c.subList(Chunker.OVERLAP, c.size())));
    assertThat(rebuilt).isEqualTo(words(0, words));
  }

  @Test
  void longTextWindowsKeepTheTextsOwnSpacingAndDropTheEdges() {
    String text = " \n\t" + spaced(0, 150) + "\n\n ";

    assertThat(Chunker.chunks(text)).containsExactly(spaced(0, 120), spaced(96, 150));
  }

  @Test
  void onlyAsciiWhitespaceSeparatesWordsSoPunctuationAndNoBreakSpacesStayInside() {
    List<String> tokens = new ArrayList<>(Collections.nCopies(120, "it's-a,(b).c\u00A0d"));

    assertThat(Chunker.chunks(String.join(" ", tokens))).hasSize(1);
    tokens.add("end");
    assertThat(Chunker.chunks(String.join(" ", tokens))).hasSize(2);
  }

  private static List<String> words(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "w" + i).toList();
  }

  private static String joined(int from, int to) {
    return String.join(" ", words(from, to));
  }

  private static String spaced(int from, int to) {
    StringBuilder text = new StringBuilder("w" + from);
    for (int i = from + 1; i < to; i++)
      text.append(SEPARATORS[i % SEPARATORS.length]).append("w").append(i);
    return text.toString();
  }

  private static List<List<String>> split(List<String> chunks) {
    return chunks.stream().map(c -> List.of(c.split("\\s+"))).toList();
  }
}
