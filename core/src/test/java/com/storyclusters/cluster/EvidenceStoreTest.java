package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate index with its evidence in a mapped scratch file answers every look-up and every
 * evidence read exactly as with its evidence on the heap, through adds, deletes and compactions
 * (which rewrite the file); the scratch file is never left in the folder.
 */
class EvidenceStoreTest {
  @TempDir
  Path folder;

  private static Evidence random(String id, SplittableRandom r) {
    int[] set = r.ints(1 + r.nextInt(300), 0, 5_000).distinct().sorted().toArray();
    int[] lead = r.ints(Math.min(set.length, 1 + r.nextInt(60)), 0, set.length).toArray();
    byte[] sketch = new byte[r.nextBoolean() ? 128 : r.nextInt(8)]; // any length: packed by four
    for (int i = 0; i < sketch.length; i++) {
      sketch[i] = (byte) r.nextInt();
    }
    return new Evidence(id, lead, set.length + r.nextInt(50), set, sketch);
  }

  private static void assertSame(Evidence a, Evidence b) {
    assertEquals(a.id(), b.id());
    assertEquals(a.length(), b.length());
    assertArrayEquals(a.set(), b.set());
    assertArrayEquals(a.leadRanks(), b.leadRanks());
    assertArrayEquals(a.sketch(), b.sketch());
  }

  private List<String> listing() throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  /**
   * Batches whose records are written on several threads at once, in any order, hold what adds
   * one by one hold; a batch that meets an id held already throws, and the entries it registered
   * before it hold their evidence.
   */
  @Test
  void evidenceWrittenInParallelIsEvidenceWrittenInOrder() throws Exception {
    java.util.function.Function<Evidence, int[]> held =
        e -> Arrays.stream(e.set()).filter(h -> h % 5 == 0).toArray();
    Parallel threads = (n, task) -> java.util.stream.IntStream.range(0, n).parallel()
        .map(i -> n - 1 - i).forEach(task);
    SplittableRandom r = new SplittableRandom(20261205L);
    List<Evidence> added = new ArrayList<>();
    try (CandidateIndex oneByOne = new CandidateIndex(held, folder.resolve("a.scratch"));
        CandidateIndex batched = new CandidateIndex(held, folder.resolve("b.scratch"))) {
      for (int b = 0; b < 40; b++) {
        Evidence[] batch = new Evidence[1 + r.nextInt(300)];
        for (int k = 0; k < batch.length; k++) {
          batch[k] = random("a" + added.size(), r);
          added.add(batch[k]);
          oneByOne.add(batch[k]);
        }
        batched.addAll(batch, threads);
      }
      for (Evidence e : added) {
        assertSame(oneByOne.evidence(e.id()), batched.evidence(e.id()));
      }
      Evidence[] clash = {random("new-1", r), random("new-2", r), added.get(7), random("new-3", r)};
      try {
        batched.addAll(clash, threads);
        throw new AssertionError("an id held already was added again");
      } catch (IllegalStateException expected) {
        assertSame(clash[0], batched.evidence("new-1"));
        assertSame(clash[1], batched.evidence("new-2"));
        assertNull(batched.evidence("new-3"));
      }
    }
  }

  @Test
  void mappedEvidenceAnswersAsHeapEvidence() throws Exception {
    java.util.function.Function<Evidence, int[]> held =
        e -> Arrays.stream(e.set()).filter(h -> h % 3 == 0).toArray();
    SplittableRandom r = new SplittableRandom(20261203L);
    Path scratch = folder.resolve("evidence.scratch");
    List<Evidence> added = new ArrayList<>();
    try (CandidateIndex heap = new CandidateIndex(held);
        CandidateIndex mapped = new CandidateIndex(held, scratch)) {
      assertFalse(Files.exists(scratch), "unlinked at once");
      for (int i = 0; i < 14_000; i++) {
        Evidence e = random("a" + i, r);
        heap.add(e);
        mapped.add(e);
        added.add(e);
        if (i % 3 != 0) { // two thirds deleted: the maps and the file are compacted
          String gone = "a" + r.nextInt(i + 1);
          assertEquals(heap.remove(gone), mapped.remove(gone));
        }
        if (i % 997 == 0) {
          int[] anchors = r.ints(20, 0, 5_000).toArray();
          List<Candidate> expected = heap.view(heap.size()).candidates(anchors, 24);
          List<Candidate> actual = mapped.view(mapped.size()).candidates(anchors, 24);
          assertEquals(expected.size(), actual.size());
          for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k).hits(), actual.get(k).hits());
            assertSame(expected.get(k).evidence(), actual.get(k).evidence());
          }
          for (Candidate c : expected) { // a hit per anchor held
            int[] keys = held.apply(c.evidence());
            long hits = Arrays.stream(anchors).filter(a -> Arrays.binarySearch(keys, a) >= 0)
                .count();
            assertEquals(hits, c.hits());
          }
        }
      }
      for (int i = 0; i < added.size(); i += 2) { // at least half deleted: a compaction at the end
        assertEquals(heap.remove("a" + i), mapped.remove("a" + i));
      }
      assertEquals(heap.live(), mapped.live());
      assertEquals(heap.size(), mapped.size());
      for (Evidence e : added) {
        Evidence h = heap.evidence(e.id());
        Evidence m = mapped.evidence(e.id());
        if (h == null) {
          assertNull(m);
        } else {
          assertSame(e, m);
          assertTrue(m.filtered(), "a stored record carries its set's filter");
          for (int v : e.set()) { // after the compactions too
            assertTrue(m.mayHold(v), "value " + v + " of " + e.id());
          }
        }
      }
      assertEquals(List.of(), listing(), "no scratch file in the folder while open");
    }
    assertEquals(List.of(), listing(), "none after close");
  }
}
