package com.storyclusters.boilerplate;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * The recent tier of {@link LongCounts}: positive counts by 64-bit key (absent: 0), exact, in 10
 * bytes a slot: an open-addressing table
 * of the keys ({@code long}) and 16-bit counts, probed linearly from a home slot that a
 * multiply-shift of the key's high bits picks among any number of slots, so the table grows by
 * half and not by doubling. The table holds up to 0.8 of its slots, so it stands 0.53-0.8 full: on
 * the line counts about 15 bytes per key, where an HPPC {@code LongIntHashMap} (12 bytes a slot, up
 * to 0.75 full, doubling) took about 20. A count of {@value #LARGE} or more lives in a small side
 * map (lines that tens of thousands of articles carry). A count that falls to 0 removes its key (a
 * backward shift, no tombstones). The key 0 is counted apart, its slot value marking a free slot.
 *
 * <p>Keys are expected to be hashes already (line keys are): the home slot is taken from their
 * high 32 bits as they are. No allocation per operation but on growth. Not thread-safe for
 * writes; reads are safe while no thread writes. Internal.
 */
final class LongCountTable {
  /** A slot count at this value means: the count is in {@link #large}. */
  static final int LARGE = 0xFFFF;
  private static final double MAX_LOAD = 0.8;

  private long[] keys;
  private short[] counts;
  private int size;
  private int limit;
  private int zeroCount;
  private final LongIntHashMap large = new LongIntHashMap();

  LongCountTable() {
    allocate(16);
  }

  /**
   * Copies the keys counted (but 0) and their counts to {@code keysOut} and {@code countsOut}
   * (of {@link #size} entries or more); returns how many.
   */
  int copyTo(long[] keysOut, int[] countsOut) {
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      long k = keys[i];
      if (k != 0) {
        keysOut[n] = k;
        countsOut[n++] = countAt(i, k);
      }
    }
    return n;
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    counts = new short[capacity];
    limit = (int) (capacity * MAX_LOAD);
  }

  /** The keys counted (count above 0). */
  int size() {
    return size + (zeroCount > 0 ? 1 : 0);
  }

  /** The slots the table has (for tests and memory figures). */
  int capacity() {
    return keys.length;
  }

  private int home(long key) {
    return (int) (((key >>> 32) * keys.length) >>> 32);
  }

  private int next(int slot) {
    return slot + 1 == keys.length ? 0 : slot + 1;
  }

  /** The slot holding {@code key} (not 0), or minus one minus the free slot where it would go. */
  private int find(long key) {
    int s = home(key);
    while (true) {
      long k = keys[s];
      if (k == key) {
        return s;
      }
      if (k == 0) {
        return -1 - s;
      }
      s = next(s);
    }
  }

  /** The count of {@code key}; 0 if absent. */
  int get(long key) {
    if (key == 0) {
      return zeroCount;
    }
    int s = find(key);
    return s < 0 ? 0 : countAt(s, key);
  }

  private int countAt(int slot, long key) {
    int c = counts[slot] & 0xFFFF;
    return c == LARGE ? large.get(key) : c;
  }

  /**
   * Adds {@code delta} (may be negative) to the count of {@code key}; a count at or below 0
   * removes the key. Returns the count after (0 when removed).
   */
  int add(long key, int delta) {
    if (key == 0) {
      zeroCount = Math.max(0, zeroCount + delta);
      return zeroCount;
    }
    int s = find(key);
    if (s < 0) {
      if (delta <= 0) {
        return 0;
      }
      if (size >= limit) {
        grow();
        s = find(key);
      }
      s = -1 - s;
      keys[s] = key;
      size++;
      setCount(s, key, delta, 0);
      return delta;
    }
    int before = countAt(s, key);
    long now = (long) before + delta;
    if (now <= 0) {
      if (before >= LARGE) {
        large.remove(key);
      }
      removeAt(s);
      return 0;
    }
    int after = (int) Math.min(Integer.MAX_VALUE, now);
    setCount(s, key, after, before);
    return after;
  }

  private void setCount(int slot, long key, int count, int before) {
    if (count >= LARGE) {
      large.put(key, count);
      counts[slot] = (short) LARGE;
    } else {
      if (before >= LARGE) {
        large.remove(key);
      }
      counts[slot] = (short) count;
    }
  }

  /** Empties slot {@code i}, shifting back the entries after it that may not stand past it. */
  private void removeAt(int i) {
    int j = i;
    while (true) {
      j = next(j);
      long k = keys[j];
      if (k == 0) {
        break;
      }
      int h = home(k);
      // the entry at j stays when its home lies cyclically in (i, j]
      boolean stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (!stays) {
        keys[i] = k;
        counts[i] = counts[j];
        i = j;
      }
    }
    keys[i] = 0;
    counts[i] = 0;
    size--;
  }

  private void grow() {
    long[] oldKeys = keys;
    short[] oldCounts = counts;
    long capacity = Math.max(16, oldKeys.length + (oldKeys.length >> 1));
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many keys: " + size);
    }
    allocate((int) capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      long k = oldKeys[i];
      if (k != 0) {
        int s = -1 - find(k);
        keys[s] = k;
        counts[s] = oldCounts[i];
      }
    }
  }
}
