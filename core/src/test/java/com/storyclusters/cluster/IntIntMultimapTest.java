package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The primitive multimap against a map of lists, including growth and colliding keys: walking the
 * values of a key, in the order put, is what the candidate index's look-ups do.
 */
@org.junit.jupiter.api.Tag("property")
class IntIntMultimapTest {
  @Test
  void walksLikeAMapOfLists() {
    // keys from a small range so that keys repeat; values are positions, put in ascending order
    com.storyclusters.Props.qt().withExamples(200).forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 2000))
        .checkAssert(IntIntMultimapTest::walks);
  }

  /** Few keys with many values each: blocks double often and the arena is compacted. */
  @Test
  void walksLikeAMapOfListsThroughCompactions() {
    com.storyclusters.Props.qt().withExamples(100).forAll(lists().of(integers().between(-300, 300)
        .map(k -> k % 7)).ofSizeBetween(0, 6000)).checkAssert(IntIntMultimapTest::walks);
  }

  /** The values of {@code key} below {@code limit}, as the candidate index reads them. */
  private static List<Integer> values(IntIntMultimap map, int key, int limit) {
    int slot = map.find(key);
    List<Integer> out = new ArrayList<>();
    if (slot != IntIntMultimap.NONE) {
      int[] into = new int[map.bound(slot)];
      int n = map.read(slot, limit, into);
      for (int i = 0; i < n; i++) {
        out.add(into[i]);
      }
    }
    return out;
  }

  private static void walks(List<Integer> keys) {
    walks(keys, new IntIntMultimap());
    walks(keys, new IntIntMultimap(8)); // keys merged into the sorted tier as they come
  }

  private static void walks(List<Integer> keys, IntIntMultimap map) {
    Map<Integer, List<Integer>> reference = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      int key = keys.get(i) * 0x9E3779B9; // spread over all 32 bits
      map.put(key, i);
      reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (int k = -301; k <= 301; k++) {
      int key = k * 0x9E3779B9;
      List<Integer> expected = reference.getOrDefault(key, List.of());
      assertEquals(expected, values(map, key, Integer.MAX_VALUE));
      // a view's limit: the values below it, the same prefix
      int limit = keys.size() / 2;
      assertEquals(expected.stream().filter(v -> v < limit).toList(), values(map, key, limit));
    }
  }

  @Test
  void theArenaIsCompactedRatherThanGrownWhenMostlyAbandoned() {
    IntIntMultimap map = new IntIntMultimap();
    for (int i = 0; i < 100_000; i++) {
      map.put((i % 50) * 0x9E3779B9, i);
    }
    // 50 keys of 2,000 values, a byte each (gaps of 50): live blocks of 8 + 2,048 bytes each;
    // doubling alone would leave about as much again abandoned, and the array twice that;
    // compactions into an eighth above the live blocks and growth by a quarter keep it within
    // half again
    org.junit.jupiter.api.Assertions.assertTrue(map.compactions() > 0);
    org.junit.jupiter.api.Assertions.assertTrue(map.arenaLength() <= 3 * 50 * (8 + 2_048) / 2,
        "arena " + map.arenaLength());
    walks(java.util.stream.IntStream.range(0, 3000).map(i -> i % 50).boxed().toList());
  }

  /**
   * Packed blocks (a trim, a compaction) read as before and take more values: each key's values in
   * the order put, whatever packing came between the puts.
   */
  @Test
  void walksLikeAMapOfListsThroughTrims() {
    com.storyclusters.Props.qt().withExamples(100).forAll(lists().of(integers().between(-300, 300)
        .map(k -> k % 13)).ofSizeBetween(0, 3000), integers().between(1, 500))
        .checkAssert((keys, every) -> {
          IntIntMultimap map = new IntIntMultimap(every % 3 == 0 ? 4 : IntIntMultimap.MIN_MERGE);
          Map<Integer, List<Integer>> reference = new HashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            int key = keys.get(i) * 0x9E3779B9;
            map.put(key, i);
            reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            if (i % every == 0) {
              map.trim();
            }
          }
          for (Map.Entry<Integer, List<Integer>> e : reference.entrySet()) {
            assertEquals(e.getValue(), values(map, e.getKey(), Integer.MAX_VALUE));
          }
        });
  }

  /**
   * After a trim the arena holds each key's gaps and a 4-byte header per key of several, nothing
   * more; a packed block takes more values.
   */
  @Test
  void aTrimPacksTheArenaToItsNeed() {
    IntIntMultimap map = new IntIntMultimap(100); // the keys are settled at the trim
    for (int i = 0; i < 30_000; i++) {
      map.put((i % 1_000) * 0x9E3779B9, i); // 1,000 keys of 30 values
    }
    map.trim();
    // each key: its first value (1 to 2 bytes below 16,384) and 29 gaps of 1,000 (2 bytes each)
    int need = 1_000 * 4 + 1_000 * 29 * 2 + 128 + 2 * (1_000 - 128);
    assertEquals(need, map.arenaLength());
    map.put(7 * 0x9E3779B9, 30_000); // a packed block moves on its next put
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add(7 + 1_000 * i);
    }
    expected.add(30_000);
    assertEquals(expected, values(map, 7 * 0x9E3779B9, 40_000));
  }

  /** Gaps of every LEB128 length (1 to 5 bytes) read back exactly, through a trim too. */
  @Test
  void gapsOfEveryLengthReadBack() {
    int[] values = {0, 1, 127, 128, 255, 16_383, 16_384, 16_385, 2_097_151, 2_097_152,
        268_435_455, 268_435_456, Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 1};
    IntIntMultimap map = new IntIntMultimap();
    List<Integer> expected = new ArrayList<>();
    for (int v : values) {
      map.put(42, v);
      expected.add(v);
      assertEquals(expected, values(map, 42, Integer.MAX_VALUE));
      map.trim();
      assertEquals(expected, values(map, 42, Integer.MAX_VALUE));
    }
    assertEquals(expected.subList(0, 7), values(map, 42, 16_385)); // below the limit only
  }

  /** Values must ascend under a key: a repeat or a smaller value is refused, nothing changed. */
  @Test
  void valuesMustAscend() {
    IntIntMultimap map = new IntIntMultimap();
    map.put(5, 10);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> map.put(5, 10));
    map.put(5, 11);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> map.put(5, 3));
    map.trim();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> map.put(5, 11));
    assertEquals(List.of(10, 11), values(map, 5, Integer.MAX_VALUE));
  }
}
