package com.storyclusters.cluster;

import java.util.Arrays;

/**
 * A multimap from {@code long} keys to {@code int} values in primitive arrays, laid out for
 * look-ups that read all of a key's values: an open-addressing table of keys, each with its
 * value count and either its only value (most keys have one) or the offset of its values in one
 * shared arena, where they lie contiguous, in the order they were put. A key's block holds the
 * power of two at or above its count and doubles when full (moved to the arena's end; the old
 * block is abandoned, so the arena holds at most about four times the values, two on average). So a look-up costs a probe and one contiguous read, never a chain of random
 * reads. No boxing and no allocation per entry. Not thread-safe for writes; reads are safe while
 * nothing writes.
 */
final class LongIntMultimap {
  /** Not found. */
  static final int NONE = -1;

  private long[] keys;
  private int[] counts; // 0 marks a free slot
  private int[] refs; // the value when the count is 1, else the arena offset of the values
  private int keyCount;
  private int[] arena = new int[256];
  private int arenaSize;

  LongIntMultimap() {
    allocate(64);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    counts = new int[capacity];
    refs = new int[capacity];
    keyCount = 0;
  }

  private static int slot(long key, int mask) {
    return (int) com.storyclusters.text.Tokenizer.fmix64(key) & mask;
  }

  void put(long key, int value) {
    if (4 * (keyCount + 1) > 3 * keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (counts[s] != 0 && keys[s] != key) {
      s = (s + 1) & mask;
    }
    int c = counts[s];
    if (c == 0) {
      keys[s] = key;
      refs[s] = value;
      counts[s] = 1;
      keyCount++;
      return;
    }
    if (c == 1) {
      int first = refs[s];
      refs[s] = block(2);
      arena[refs[s]] = first;
    } else if (Integer.bitCount(c) == 1) { // a block holds a power of two: full, so doubled
      int moved = block(2 * c);
      System.arraycopy(arena, refs[s], arena, moved, c);
      refs[s] = moved;
    }
    arena[refs[s] + c] = value;
    counts[s] = c + 1;
  }

  /** A block of {@code size} values at the arena's end; its offset. */
  private int block(int size) {
    if (arenaSize + size > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + size));
    }
    int at = arenaSize;
    arenaSize += size;
    return at;
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    int[] oldRefs = refs;
    allocate(capacity);
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        int s = slot(oldKeys[i], mask);
        while (counts[s] != 0) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[i];
        counts[s] = oldCounts[i];
        refs[s] = oldRefs[i];
        keyCount++;
      }
    }
  }

  /** The slot of {@code key}, or {@link #NONE}: the handle {@link #count} and {@link #value} take. */
  int find(long key) {
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (counts[s] != 0) {
      if (keys[s] == key) {
        return s;
      }
      s = (s + 1) & mask;
    }
    return NONE;
  }

  /** How many values the key of a slot holds. */
  int count(int slot) {
    return counts[slot];
  }

  /** The {@code i}-th value put under the key of a slot (0: the oldest). */
  int value(int slot, int i) {
    return counts[slot] == 1 ? refs[slot] : arena[refs[slot] + i];
  }
}
