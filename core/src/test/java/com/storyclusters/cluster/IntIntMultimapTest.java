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

  private static void walks(List<Integer> keys) {
    IntIntMultimap map = new IntIntMultimap();
    Map<Integer, List<Integer>> reference = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      int key = keys.get(i) * 0x9E3779B9; // spread over all 32 bits
      map.put(key, i);
      reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (int k = -301; k <= 301; k++) {
      int key = k * 0x9E3779B9;
      List<Integer> expected = reference.getOrDefault(key, List.of());
      List<Integer> seen = new ArrayList<>();
      int slot = map.find(key);
      for (int i = 0; slot != IntIntMultimap.NONE && i < map.count(slot); i++) {
        seen.add(map.value(slot, i));
      }
      assertEquals(expected, seen);
    }
  }

  @Test
  void theArenaIsCompactedRatherThanGrownWhenMostlyAbandoned() {
    IntIntMultimap map = new IntIntMultimap();
    for (int i = 0; i < 100_000; i++) {
      map.put((i % 50) * 0x9E3779B9, i);
    }
    // 50 keys of 2,000 values: live blocks of 2,049 slots each; doubling alone would leave
    // about as much again abandoned, and the array twice that; compactions into an eighth above
    // the live blocks and growth by a quarter keep it within half again
    org.junit.jupiter.api.Assertions.assertTrue(map.compactions() > 0);
    org.junit.jupiter.api.Assertions.assertTrue(map.arenaLength() <= 3 * 50 * 2_049 / 2,
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
          IntIntMultimap map = new IntIntMultimap();
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
            List<Integer> seen = new ArrayList<>();
            int slot = map.find(e.getKey());
            for (int i = 0; i < map.count(slot); i++) {
              seen.add(map.value(slot, i));
            }
            assertEquals(e.getValue(), seen);
          }
        });
  }

  /** After a trim the arena holds the values and a header per key of several: nothing more. */
  @Test
  void aTrimPacksTheArenaToItsNeed() {
    IntIntMultimap map = new IntIntMultimap();
    int values = 0;
    for (int i = 0; i < 30_000; i++) {
      map.put((i % 1_000) * 0x9E3779B9, i); // 1,000 keys of 30 values: blocks of 32 when growing
      values++;
    }
    map.trim();
    assertEquals(Math.max(256, values + 1_000), map.arenaLength());
    map.put(7 * 0x9E3779B9, 30_000); // a packed block moves on its next put
    int slot = map.find(7 * 0x9E3779B9);
    assertEquals(31, map.count(slot));
    assertEquals(30_000, map.value(slot, 30));
    assertEquals(7, map.value(slot, 0));
  }
}
