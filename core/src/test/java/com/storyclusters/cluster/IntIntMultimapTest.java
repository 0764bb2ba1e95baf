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
    // about as much again abandoned, and the array twice that; compactions into a quarter above
    // the live blocks and growth by half keep it within half again
    org.junit.jupiter.api.Assertions.assertTrue(map.compactions() > 0);
    org.junit.jupiter.api.Assertions.assertTrue(map.arenaLength() <= 3 * 50 * 2_049 / 2,
        "arena " + map.arenaLength());
    walks(java.util.stream.IntStream.range(0, 3000).map(i -> i % 50).boxed().toList());
  }
}
