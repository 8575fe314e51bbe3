package nova.activities.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import nova.activities.memory.MemorySearch.Fused;
import nova.activities.memory.MemorySearch.Ranked;
import org.junit.jupiter.api.Test;

class MemorySearchFuseTest {
  private static final UUID A = new UUID(0, 1);
  private static final UUID B = new UUID(0, 2);
  private static final UUID C = new UUID(0, 3);
  private static final UUID D = new UUID(0, 4);
  private static final UUID E = new UUID(0, 5);

  @Test
  void eachListAddsOneOverSixtyPlusRankAndAMissingListAddsNothing() {
    List<Fused> fused =
        MemorySearch.fuse(List.of(r(A, 1), r(B, 2)), List.of(r(B, 12), r(C, 13)), 10);

    assertThat(fused)
        .extracting(Fused::memory, Fused::chunk, Fused::semanticRank, Fused::keywordRank)
        .containsExactly(tuple(B, 2L, 2, 1), tuple(A, 1L, 1, null), tuple(C, 13L, null, 2));
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
  }

  @Test
  void oneListAloneRanksByItsOwnOrder() {
    List<Fused> fused = MemorySearch.fuse(List.of(), List.of(r(C, 1), r(A, 2), r(B, 3)), 10);

    assertThat(fused)
        .extracting(Fused::memory, Fused::semanticRank, Fused::keywordRank)
        .containsExactly(tuple(C, null, 1), tuple(A, null, 2), tuple(B, null, 3));
    assertThat(fused).extracting(Fused::score).containsExactly(1.0 / 61, 1.0 / 62, 1.0 / 63);
  }

  @Test
  void chunksFoldIntoTheirMemoryAtItsBestChunksRankAndRanksCountMemories() {
    List<Fused> fused =
        MemorySearch.fuse(
            List.of(r(A, 1), r(A, 2), r(B, 3), r(A, 4), r(C, 5), r(B, 6)), List.of(), 10);

    assertThat(fused)
        .extracting(Fused::memory, Fused::chunk, Fused::semanticRank)
        .containsExactly(tuple(A, 1L, 1), tuple(B, 3L, 2), tuple(C, 5L, 3));
    assertThat(fused).extracting(Fused::score).containsExactly(1.0 / 61, 1.0 / 62, 1.0 / 63);
  }

  @Test
  void keywordRanksAlsoCountMemoriesNotChunks() {
    List<Fused> fused =
        MemorySearch.fuse(List.of(), List.of(r(A, 1), r(A, 2), r(A, 3), r(B, 4)), 10);

    assertThat(fused)
        .extracting(Fused::memory, Fused::chunk, Fused::keywordRank)
        .containsExactly(tuple(A, 1L, 1), tuple(B, 4L, 2));
  }

  @Test
  void theBestChunkIsTheFirstSeenByMeaningEvenWhenWordsRankAnotherHigher() {
    List<Fused> fused =
        MemorySearch.fuse(
            List.of(r(B, 20), r(A, 21), r(A, 22)),
            List.of(r(A, 30), r(C, 31), r(C, 32), r(B, 33)),
            10);

    assertThat(fused)
        .extracting(Fused::memory, Fused::chunk)
        .containsExactlyInAnyOrder(tuple(A, 21L), tuple(B, 20L), tuple(C, 31L));
  }

  @Test
  void aMemoryInBothListsOutranksOneThatTopsOnlyOne() {
    List<Fused> fused = MemorySearch.fuse(List.of(r(A, 1), r(B, 2)), List.of(r(C, 3), r(B, 4)), 10);

    assertThat(fused).extracting(Fused::memory).first().isEqualTo(B);
  }

  @Test
  void anEqualScoreGoesFirstToTheBetterSemanticRank() {
    List<Fused> swapped =
        MemorySearch.fuse(List.of(r(A, 1), r(B, 2)), List.of(r(B, 3), r(A, 4)), 10);
    assertThat(swapped.get(0).score()).isEqualTo(swapped.get(1).score());
    assertThat(swapped).extracting(Fused::memory).containsExactly(A, B);

    List<Fused> reversed =
        MemorySearch.fuse(List.of(r(B, 1), r(A, 2)), List.of(r(A, 3), r(B, 4)), 10);
    assertThat(reversed).extracting(Fused::memory).containsExactly(B, A);
  }

  @Test
  void anEqualScoreFromMeaningBeatsTheSameScoreFromWordsOnly() {
    List<Fused> fused = MemorySearch.fuse(List.of(r(A, 1)), List.of(r(B, 2)), 10);

    assertThat(fused).extracting(Fused::score).containsExactly(1.0 / 61, 1.0 / 61);
    assertThat(fused).extracting(Fused::memory).containsExactly(A, B);

    assertThat(MemorySearch.fuse(List.of(r(B, 1)), List.of(r(A, 2)), 10))
        .extracting(Fused::memory)
        .containsExactly(B, A);
  }

  @Test
  void theLimitKeepsOnlyTheTopMemories() {
    List<Ranked> semantic = List.of(r(A, 1), r(B, 2), r(C, 3), r(D, 4), r(E, 5));

    assertThat(MemorySearch.fuse(semantic, List.of(r(E, 6)), 2))
        .extracting(Fused::memory)
        .containsExactly(E, A);
    assertThat(MemorySearch.fuse(semantic, List.of(), 1))
        .extracting(Fused::memory)
        .containsExactly(A);
    assertThat(MemorySearch.fuse(semantic, List.of(), 50))
        .extracting(Fused::memory)
        .containsExactly(A, B, C, D, E);
  }

  @Test
  void emptyListsFuseToNothing() {
    assertThat(MemorySearch.fuse(List.of(), List.of(), 10)).isEmpty();
  }

  private static Ranked r(UUID memory, long chunk) {
    return new Ranked(memory, chunk);
  }
}
