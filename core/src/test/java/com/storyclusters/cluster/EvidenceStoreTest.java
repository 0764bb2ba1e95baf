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
