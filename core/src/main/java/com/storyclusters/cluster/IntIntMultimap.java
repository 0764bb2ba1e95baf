package com.storyclusters.cluster;

import java.util.Arrays;

/**
 * A multimap from {@code int} keys to non-negative {@code int} values in primitive arrays, laid out
 * for look-ups that read all of a key's values: an open-addressing table of keys and one reference
 * each, either the key's only value (most keys have one) or the place of its values in one shared
 * arena, where a block holds a header and then the values, contiguous, in the order they were put.
 * A growing block holds the power of two at or above its count (header: the count); when full it
 * moves to the arena's end at the next power of two, the old block abandoned. When the arena must
 * grow and the abandoned blocks are over a quarter of what is live, the live blocks are copied to a
 * new arena, in slot order, each packed to its count (header: minus the count; such a block is
 * full, and moves on its next put: most keys get no more values once their articles are old);
 * otherwise the arena grows by a quarter. So the arena holds little more than the values and one
 * header per key of two or more: at 100,000 generated articles 1.26 slots per slot of need, where
 * blocks that doubled and were never packed, in an arena grown by half, took 1.88. The table
 * holds up to 0.8 of its slots and grows by half (8 bytes a slot, 10-15 a key). A look-up costs a
 * probe and one contiguous read, never a chain of random reads. No boxing and no allocation per
 * entry. Not thread-safe for writes; reads are safe while nothing writes.
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

  /**
   * The home slot of a key among {@code capacity}: the key's product with the golden ratio
   * (Fibonacci hashing), mapped onto the slots by a multiply-shift, so that the table can have any
   * number of slots and grow by half.
   */
  private static int slot(int key, int capacity) {
    return (int) (((key * 0x9E3779B9) & 0xFFFFFFFFL) * capacity >>> 32);
  }

  private static int next(int slot, int capacity) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  /** Puts a value (>= 0) under a key, after the values put under it before. */
  void put(int key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    if (5L * (keyCount + 1) > 4L * keys.length) { // up to 0.8 full, then grown by half
      rehash(keys.length + (keys.length >> 1));
    }
    int capacity = keys.length;
    int s = slot(key, capacity);
    while (refs[s] != FREE && keys[s] != key) {
      s = next(s, capacity);
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
      int header = arena[at];
      c = Math.abs(header);
      if (header < 0 || c >= 2 && Integer.bitCount(c) == 1) { // full: moved, at the next power of two
        int grown = Integer.highestOneBit(c) << 1;
        int moved = block(grown);
        at = -refs[s] - 1; // where the block is now (the arena may have been compacted)
        System.arraycopy(arena, at, arena, moved, 1 + c);
        live += grown - capacity(arena[at]);
        at = moved;
      }
    }
    arena[at + 1 + c] = value;
    arena[at] = c + 1;
    refs[s] = -(at + 1);
  }

  /** The values a block with this header has room for. */
  private static int capacity(int header) {
    return header < 0 ? -header : Math.max(2, Integer.highestOneBit(header - 1) << 1);
  }

  /**
   * A block for {@code size} values (and its count) at the arena's end; its offset. Blocks
   * already referenced may move (compaction): callers read their offsets from {@code refs} after.
   */
  private int block(int size) {
    if (arenaSize + 1 + size > arena.length) {
      if (4L * (arenaSize - live) > live) { // much abandoned: compact rather than grow
        compact(1 + size, true);
      }
      if (arenaSize + 1 + size > arena.length) {
        // by a quarter of its length (an arena grown by half would stand a sixth empty on average,
        // doubled a quarter), within what an array can hold
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, arena.length * 5L / 4);
        arena = Arrays.copyOf(arena, Math.max(grown, arenaSize + 1 + size));
      }
    }
    int at = arenaSize;
    arenaSize += 1 + size;
    return at;
  }

  /**
   * Copies the live blocks, each packed to its count, to a new arena with {@code room} more slots
   * free, and with {@code slack} an eighth of their size more.
   */
  private void compact(int room, boolean slack) {
    int packed = 0;
    for (int r : refs) {
      if (r != FREE && r < 0) {
        packed += 1 + Math.abs(arena[-r - 1]);
      }
    }
    int[] fresh = new int[(int) Math.min(Integer.MAX_VALUE - 8,
        Math.max(256, packed + (slack ? packed >> 3 : 0) + (long) room))];
    int n = 0;
    for (int i = 0; i < refs.length; i++) {
      int r = refs[i];
      if (r != FREE && r < 0) {
        int at = -r - 1;
        int c = Math.abs(arena[at]);
        System.arraycopy(arena, at + 1, fresh, n + 1, c);
        fresh[n] = -c;
        refs[i] = -(n + 1);
        n += 1 + c;
      }
    }
    arena = fresh;
    arenaSize = n;
    live = n;
    compactions++;
  }

  /**
   * Packs the live blocks into an arena of their size (after a bulk load such as an index's
   * open, when no key is expected to grow soon).
   */
  void trim() {
    compact(0, false);
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
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldRefs[i] != FREE) {
        int s = slot(oldKeys[i], capacity);
        while (refs[s] != FREE) {
          s = next(s, capacity);
        }
        keys[s] = oldKeys[i];
        refs[s] = oldRefs[i];
        keyCount++;
      }
    }
  }

  /** The slot of {@code key}, or {@link #NONE}: what {@link #count} and {@link #value} take. */
  int find(int key) {
    int capacity = keys.length;
    int s = slot(key, capacity);
    while (refs[s] != FREE) {
      if (keys[s] == key) {
        return s;
      }
      s = next(s, capacity);
    }
    return NONE;
  }

  /** How many values the key of a slot holds. */
  int count(int slot) {
    int r = refs[slot];
    return r >= 0 ? 1 : Math.abs(arena[-r - 1]);
  }

  /** The {@code i}-th value put under the key of a slot (0: the oldest). */
  int value(int slot, int i) {
    int r = refs[slot];
    return r >= 0 ? r : arena[-r + i];
  }
}
