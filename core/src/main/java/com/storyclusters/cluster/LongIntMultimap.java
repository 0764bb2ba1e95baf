package com.storyclusters.cluster;

import java.util.Arrays;

/**
 * A multimap from {@code long} keys to {@code int} values in primitive arrays: an open-addressing
 * table of keys, each pointing at the newest of its values, which are chained back to the oldest
 * ({@link #head}, {@link #next}, {@link #value}). No boxing and no allocation per entry (the arrays grow by doubling). Not thread-safe.
 */
final class LongIntMultimap {
  /** No value: the end of a key's values. */
  static final int NONE = -1;

  private long[] keys;
  private int[] heads; // NONE marks a free slot
  private int keyCount;
  private int[] values = new int[64];
  private int[] next = new int[64];
  private int valueCount;

  LongIntMultimap() {
    allocate(64);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    heads = new int[capacity];
    Arrays.fill(heads, NONE);
    keyCount = 0;
  }

  private static int slot(long key, int mask) {
    return (int) com.storyclusters.text.Tokenizer.fmix64(key) & mask;
  }

  void put(long key, int value) {
    if (valueCount == values.length) {
      values = Arrays.copyOf(values, valueCount * 2);
      next = Arrays.copyOf(next, valueCount * 2);
    }
    if (2 * (keyCount + 1) > keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (heads[s] != NONE && keys[s] != key) {
      s = (s + 1) & mask;
    }
    if (heads[s] == NONE) {
      keys[s] = key;
      keyCount++;
    }
    values[valueCount] = value;
    next[valueCount] = heads[s];
    heads[s] = valueCount++;
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    allocate(capacity);
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] != NONE) {
        int s = slot(oldKeys[i], mask);
        while (heads[s] != NONE) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[i];
        heads[s] = oldHeads[i];
        keyCount++;
      }
    }
  }

  /** Position of the newest value stored under {@code key}, or {@link #NONE}. */
  int head(long key) {
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (heads[s] != NONE) {
      if (keys[s] == key) {
        return heads[s];
      }
      s = (s + 1) & mask;
    }
    return NONE;
  }

  /** The position of the value put under the same key before the one at {@code position}. */
  int next(int position) {
    return next[position];
  }

  /** The value at a position. */
  int value(int position) {
    return values[position];
  }
}
