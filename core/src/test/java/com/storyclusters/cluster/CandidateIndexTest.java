package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The candidate index: hits per anchor held, views up to an ordinal, deletes, compaction, and the
 * first candidates of a full ranking.
 */
class CandidateIndexTest {
  private static Evidence evidence(String id, int... set) {
    java.util.Arrays.sort(set);
    return new Evidence(id, new int[0], set.length, set, new byte[0]);
  }

  /** Found by every shingle of its anchor sample (these evidences have no lead). */
  private static int[] anchorSample(Evidence e) {
    return java.util.Arrays.stream(e.set())
        .filter(com.storyclusters.fingerprint.Fingerprint::sampled).toArray();
  }

  private static List<String> ids(List<Candidate> cs) {
    List<String> out = new ArrayList<>();
    for (Candidate c : cs) {
      out.add(c.id() + ":" + c.hits());
    }
    return out;
  }

  @Test
  void countsHeldAnchorsWithinAViewAndSkipsDeletes() throws Exception {
    CandidateIndex index = new CandidateIndex(CandidateIndexTest::anchorSample);
    index.add(evidence("a", 2, 4, 6));
    index.add(evidence("b", 2, 4));
    index.add(evidence("c", 2, 5)); // 5 is not sampled (odd): c is not found by it
    assertEquals(List.of("a:3", "b:2", "c:1"),
        ids(index.view(3).candidates(new int[] {2, 4, 6}, 10)));
    assertEquals(List.of("a:3", "b:2"), ids(index.view(2).candidates(new int[] {2, 4, 6}, 10)));
    assertEquals(List.of("a:3"), ids(index.view(3).candidates(new int[] {2, 4, 6}, 1)));
    assertEquals(List.of(), ids(index.view(3).candidates(new int[] {5}, 10)));
    assertTrue(index.remove("a"));
    assertNull(index.view(3).evidence("a"));
    assertEquals(List.of("b:2", "c:1"), ids(index.view(3).candidates(new int[] {2, 4, 6}, 10)));
  }

  @Test
  void compactionKeepsWhatLookUpsSee() throws Exception {
    CandidateIndex index = new CandidateIndex(CandidateIndexTest::anchorSample);
    int n = 12_000;
    for (int i = 0; i < n; i++) {
      index.add(evidence("x" + i, 2 * i, 2 * i + 2));
    }
    for (int i = 0; i < n; i += 2) {
      index.remove("x" + i); // half: the maps are rebuilt without them
    }
    assertEquals(n / 2, index.live());
    for (int i = 1; i < n - 1; i += 998) {
      // shingle 2i+2 is held by x(i) and x(i+1); x(i+1) was removed when i is odd
      assertEquals(List.of("x" + i + ":1"), ids(index.view(index.size()).candidates(
          new int[] {2 * i + 2}, 10)));
    }
  }

  /**
   * The first {@code max} candidates are those of a full ranking by {@link Candidate#ORDER}: most
   * hits, then smallest id, however many entries tie at the last place taken (entries drawn from
   * a few shingles, so that ties are the rule).
   */
  @Test
  @org.junit.jupiter.api.Tag("property")
  void theFirstCandidatesAreThoseOfAFullRanking() {
    com.storyclusters.Props.qt().withExamples(300)
        .forAll(org.quicktheories.generators.SourceDSL.longs().all(),
            org.quicktheories.generators.SourceDSL.integers().between(1, 40))
        .checkAssert((seed, max) -> {
          java.util.Random r = new java.util.Random(seed);
          CandidateIndex index = new CandidateIndex(CandidateIndexTest::anchorSample);
          int n = 1 + r.nextInt(300);
          List<Evidence> all = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int[] set = r.ints(1 + r.nextInt(6), 0, 12).map(x -> 2 * x).distinct().toArray();
            Evidence e = evidence("id" + r.nextInt(1_000_000) + "-" + i, set);
            all.add(e);
            index.add(e);
          }
          int[] anchors = r.ints(1 + r.nextInt(6), 0, 12).map(x -> 2 * x).distinct().toArray();
          List<Candidate> expected = new ArrayList<>();
          for (Evidence e : all) {
            int hits = 0;
            for (int a : anchors) {
              hits += java.util.Arrays.binarySearch(e.set(), a) >= 0 ? 1 : 0;
            }
            if (hits > 0) {
              expected.add(new Candidate(e, hits));
            }
          }
          expected.sort(Candidate.ORDER);
          List<Candidate> want = expected.subList(0, Math.min(max, expected.size()));
          try {
            assertEquals(ids(want), ids(index.view(n).candidates(anchors, max)));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
