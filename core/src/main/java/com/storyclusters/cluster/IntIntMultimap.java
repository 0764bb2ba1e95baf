package com.storyclusters.cluster;

import java.util.Arrays;

/**
 * A multimap from {@code int} keys to non-negative {@code int} values in primitive arrays, laid out
 * for look-ups that read all of a key's values: an open-addressing table of keys and one reference
 * each, either the key's only value (most keys have one) or the place of its values in one shared
 * arena, where a block holds their count and then the values, contiguous, in the order they were
 * put. A block holds the power of two at or above its count and doubles when full (moved to the
 * arena's end, the old block abandoned). When the arena must grow and the abandoned blocks are
 * over a quarter of what is used, the live blocks are copied to a new arena a quarter larger than
 * they are, in slot order; otherwise the arena grows by half. So abandoned blocks and free room
 * each stay under about a third of it. A look-up costs a probe
 * and one contiguous read, never a chain of random reads, and a key costs 8 bytes of table. No
 * boxing and no allocation per entry. Not thread-safe for writes; reads are safe while nothing
 * writes.
 */
final class IntIntMultimap {
  /** Not found. */
  static final int NONE = -1;
  private static final int FREE = Integer.MIN_VALUE; // the reference of a free slot

  private int[] keys;
  /** A value (>= 0), or -(offset + 1) of a block in the arena, or FREE. */
  private int[] refs;
  private int keyCount;
  private int[] arena = new int[256];
  private int arenaSize;
  /** Arena slots of the live blocks (each one's count and capacity). */
  private int live;
  private int compactions;

  IntIntMultimap() {
    allocate(64);
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    refs = new int[capacity];
    Arrays.fill(refs, FREE);
    keyCount = 0;
  }

  private static int slot(int key, int mask) {
    int h = key * 0x9E3779B9; // Fibonacci hashing, then the high bits folded down
    return (h ^ (h >>> 16)) & mask;
  }

  /** Puts a value (>= 0) under a key, after the values put under it before. */
  void put(int key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    if (4 * (keyCount + 1) > 3 * keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (refs[s] != FREE && keys[s] != key) {
      s = (s + 1) & mask;
    }
    int r = refs[s];
    if (r == FREE) {
      keys[s] = key;
      refs[s] = value;
      keyCount++;
      return;
    }
    int at;
    int c;
    if (r >= 0) { // a second value: a block of two
      at = block(2);
      live += 3;
      arena[at + 1] = r;
      c = 1;
    } else {
      at = -r - 1;
      c = arena[at];
      if (c >= 2 && Integer.bitCount(c) == 1) { // full: doubled
        int moved = block(2 * c);
        at = -refs[s] - 1; // where the block is now (the arena may have been compacted)
        System.arraycopy(arena, at, arena, moved, 1 + c);
        live += c;
        at = moved;
      }
    }
    arena[at + 1 + c] = value;
    arena[at] = c + 1;
    refs[s] = -(at + 1);
  }

  /**
   * A block for {@code size} values (and its count) at the arena's end; its offset. Blocks
   * already referenced may move (compaction): callers read their offsets from {@code refs} after.
   */
  private int block(int size) {
    if (arenaSize + 1 + size > arena.length) {
      if (3L * (arenaSize - live) > live) { // much abandoned: compact rather than grow
        compact(Math.max(live + (live >> 2), live + 1 + size));
      }
      if (arenaSize + 1 + size > arena.length) {
        // by half its length (a doubled arena would stand a quarter empty on average), within
        // what an array can hold
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, arena.length * 3L / 2);
        arena = Arrays.copyOf(arena, Math.max(grown, arenaSize + 1 + size));
      }
    }
    int at = arenaSize;
    arenaSize += 1 + size;
    return at;
  }

  /** Copies the live blocks, each at its capacity, to a new arena of {@code length} slots. */
  private void compact(int length) {
    int[] fresh = new int[Math.max(256, length)];
    int n = 0;
    for (int i = 0; i < refs.length; i++) {
      int r = refs[i];
      if (r != FREE && r < 0) {
        int at = -r - 1;
        int c = arena[at];
        int capacity = Math.max(2, Integer.highestOneBit(c - 1) << 1);
        System.arraycopy(arena, at, fresh, n, 1 + c);
        refs[i] = -(n + 1);
        n += 1 + capacity;
      }
    }
    arena = fresh;
    arenaSize = n;
    live = n;
    compactions++;
  }

  /** How many times the arena was compacted (for tests). */
  int compactions() {
    return compactions;
  }

  /** The arena's length in slots (for tests). */
  int arenaLength() {
    return arena.length;
  }

  private void rehash(int capacity) {
    int[] oldKeys = keys;
    int[] oldRefs = refs;
    allocate(capacity);
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldRefs[i] != FREE) {
        int s = slot(oldKeys[i], mask);
        while (refs[s] != FREE) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[i];
        refs[s] = oldRefs[i];
        keyCount++;
      }
    }
  }

  /** The slot of {@code key}, or {@link #NONE}: what {@link #count} and {@link #value} take. */
  int find(int key) {
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (refs[s] != FREE) {
      if (keys[s] == key) {
        return s;
      }
      s = (s + 1) & mask;
    }
    return NONE;
  }

  /** How many values the key of a slot holds. */
  int count(int slot) {
    int r = refs[slot];
    return r >= 0 ? 1 : arena[-r - 1];
  }

  /** The {@code i}-th value put under the key of a slot (0: the oldest). */
  int value(int slot, int i) {
    int r = refs[slot];
    return r >= 0 ? r : arena[-r + i];
  }
}
