package com.storyclusters.cluster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A multimap from {@code int} keys to ascending non-negative {@code int} values in primitive
 * arrays, laid out for look-ups that read all of a key's values in order: an open-addressing table
 * of keys and one reference each, either the key's only value (most keys have one) or the place of
 * its values in one shared byte arena, where a block holds a header and then the values as
 * variable-length gaps (LEB128, seven bits a byte: the first value, then each one's difference from
 * the one before), contiguous. The candidate index's values are article ordinals, and the articles
 * that share a key are mostly copies of one story, added close together: at 100,000 generated
 * articles 69% of the gaps take one byte.
 *
 * <p>A growing block (header: the bytes used, and from {@link #KEEPS_LAST} bytes of room on also
 * the last value; a smaller block is decoded to find it) has room for the power of two at or above
 * its bytes (at least 4); when full it moves to the arena's end at the next power of two, the old
 * block abandoned. When the arena must grow and the abandoned blocks are over a quarter of what is
 * live, the live blocks are copied to a new arena, in slot order, each packed to its bytes (header:
 * minus the bytes; such a block is full, and moves on its next put: most keys get no more values
 * once their articles are old); otherwise the arena grows by a quarter.
 *
 * <p>The keys and their references are in two tiers: those put since the last merge in a hash
 * table that holds up to 0.8 of its slots and grows by half (8 bytes a slot), the others sorted
 * ({@link SortedIntRefs}, 6 bytes a key). When the table holds an eighth as many keys as the
 * sorted tier (and at least {@code minMerge}), and at a {@link #trim}, its keys are merged into a
 * new sorted tier. A look-up costs a search of the sorted tier's bucket, a probe of the table and
 * one contiguous read of the values, never a chain of random reads. No boxing and no allocation per entry. An arena holds at most 2
 * GiB (an {@link IllegalStateException} past it). Not thread-safe for writes; reads are safe while
 * nothing writes.
 */
final class IntIntMultimap {
  /** Not found. */
  static final int NONE = -1;
  private static final int FREE = Integer.MIN_VALUE; // the reference of a free slot
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** Header bytes of a packed block. */
  private static final int PACKED = 4;
  /** Growing blocks of this much room or more keep their last value in their header. */
  private static final int KEEPS_LAST = 32;
  private static final int MAX_ARENA = Integer.MAX_VALUE - 8;

  /**
   * Keys the table takes between merges at least, by default: a shard of an index of up to about
   * 100,000 articles keeps its keys in the table alone, where a look-up is one probe (the sorted
   * tier adds a search of three arrays); the tiers pay from there on.
   */
  static final int MIN_MERGE = 1 << 18;

  private final int minMerge;
  /** The table of the keys since the last merge. */
  private int[] keys;
  /** A value (>= 0), or -(offset + 1) of a block in the arena, or FREE. */
  private int[] refs;
  private int keyCount;
  /** The other keys, sorted (null before the first merge); their references as in the table. */
  private SortedIntRefs settled;
  private byte[] arena = new byte[256];
  private int arenaSize;
  /** Arena bytes of the live blocks (each one's header and capacity). */
  private long live;
  private int compactions;

  IntIntMultimap() {
    this(MIN_MERGE);
  }

  /** A multimap whose table merges from {@code minMerge} keys on (small values: for tests). */
  IntIntMultimap(int minMerge) {
    this.minMerge = minMerge;
    allocate(64);
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    refs = new int[capacity];
    Arrays.fill(refs, FREE);
    keyCount = 0;
  }

  private static int slot(int key, int capacity) {
    return Probing.home(key, capacity);
  }

  private static int next(int slot, int capacity) {
    return Probing.next(slot, capacity);
  }

  /**
   * Puts a value (>= 0) under a key, after the values put under it before, which must all be
   * smaller (an {@link IllegalArgumentException} otherwise).
   */
  void put(int key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    int handle = settled == null ? NONE : settled.find(key);
    if (handle >= 0) {
      handle = -2 - handle;
    } else {
      if (5L * (keyCount + 1) > 4L * keys.length) { // up to 0.8 full, then grown by half
        rehash(keys.length + (keys.length >> 1));
      }
      int capacity = keys.length;
      int s = slot(key, capacity);
      while (refs[s] != FREE && keys[s] != key) {
        s = next(s, capacity);
      }
      if (refs[s] == FREE) {
        keys[s] = key;
        refs[s] = value;
        keyCount++;
        if (keyCount >= minMerge && keyCount >= (settled == null ? 0 : settled.size()) / 8) {
          merge();
        }
        return;
      }
      handle = s;
    }
    int r = ref(handle);
    if (r >= 0) { // a second value: a block of two
      ascending(r, value);
      int used = bytes(r) + bytes(value - r);
      int size = header(used) + room(used);
      int at = block(size);
      live += size;
      write(arena, write(arena, data(at, used), r), value - r);
      setHeader(at, used, value);
      setRef(handle, -(at + 1));
      return;
    }
    int at = -r - 1;
    int header = (int) INT.get(arena, at);
    int used = Math.abs(header);
    int last = last(at, header);
    ascending(last, value);
    int gap = value - last;
    int need = used + bytes(gap);
    if (header < 0 || need > room(used)) { // full: moved, at the next power of two
      int size = header(need) + room(need);
      int moved = block(size);
      at = -ref(handle) - 1; // where the block is now (the arena may have been compacted)
      header = (int) INT.get(arena, at);
      System.arraycopy(arena, data(at, header), arena, data(moved, need), used);
      live += size - footprint(header);
      at = moved;
    }
    write(arena, data(at, need) + used, gap);
    setHeader(at, need, value);
    setRef(handle, -(at + 1));
  }

  /** The reference of a handle: a table slot (>= 0), or -2 minus a settled entry. */
  private int ref(int handle) {
    return handle >= 0 ? refs[handle] : settled.refs[-2 - handle];
  }

  private void setRef(int handle, int r) {
    if (handle >= 0) {
      refs[handle] = r;
    } else {
      settled.refs[-2 - handle] = r;
    }
  }

  /**
   * Moves the table's keys into a new settled tier; the table starts again small (grown again as
   * it fills, not held at its largest meanwhile).
   */
  private void merge() {
    int[] k = new int[keyCount];
    int[] r = new int[keyCount];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (refs[i] != FREE) {
        k[n] = keys[i];
        r[n++] = refs[i];
      }
    }
    settled = SortedIntRefs.merge(settled, k, r, n);
    allocate(64);
  }

  private static void ascending(int last, int value) {
    if (value <= last) {
      throw new IllegalArgumentException("value " + value + " after " + last);
    }
  }

  /** The bytes a growing block whose values take {@code used} has room for. */
  private static int room(int used) {
    return Math.max(4, Integer.highestOneBit(used - 1) << 1);
  }

  /**
   * Header bytes of a growing block whose values take {@code used}: the bytes used, and from
   * {@link #KEEPS_LAST} bytes of room on the last value too (a smaller block is decoded to find
   * it, which costs less than 4 bytes a block).
   */
  private static int header(int used) {
    return room(used) >= KEEPS_LAST ? 8 : 4;
  }

  /** Where the values of the block at {@code at} with this header start. */
  private static int data(int at, int header) {
    return at + (header < 0 ? PACKED : header(header));
  }

  /** Arena bytes a block with this header takes. */
  private static long footprint(int header) {
    return header < 0 ? PACKED - header : header(header) + room(header);
  }

  private void setHeader(int at, int used, int last) {
    INT.set(arena, at, used);
    if (header(used) == 8) {
      INT.set(arena, at + 4, last);
    }
  }

  /** The last value of the block at {@code at} with this header. */
  private int last(int at, int header) {
    if (header >= 0 && header(header) == 8) {
      return (int) INT.get(arena, at + 4);
    }
    int p = data(at, header);
    int end = p + Math.abs(header);
    int v = 0;
    while (p < end) {
      long g = gapAt(arena, p);
      p = (int) (g >>> 32);
      v += (int) g;
    }
    return v;
  }

  /**
   * The LEB128 gap at {@code b[p]} and the position after it, as {@code position << 32 | gap} (a
   * gap is below 2^31): one byte at once, the rare longer ones in a loop.
   */
  private static long gapAt(byte[] b, int p) {
    int gap = b[p++];
    if (gap < 0) { // more bytes follow
      gap &= 0x7F;
      int shift = 7;
      byte x;
      do {
        x = b[p++];
        gap |= (x & 0x7F) << shift;
        shift += 7;
      } while (x < 0);
    }
    return (long) p << 32 | (gap & 0xFFFFFFFFL);
  }

  /** Bytes of the LEB128 form of {@code v} (>= 0). */
  private static int bytes(int v) {
    return v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5;
  }

  /** Writes {@code v} (>= 0) in LEB128 at {@code b[p]}; returns the position after it. */
  private static int write(byte[] b, int p, int v) {
    while (v >= 0x80) {
      b[p++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    return p;
  }

  /**
   * A block of {@code size} bytes (its header and room) at the arena's end; its offset. Blocks
   * already referenced may move (compaction): callers read their offsets from {@code refs} after.
   */
  private int block(int size) {
    long end = (long) arenaSize + size;
    if (end > arena.length) {
      if (4 * (arenaSize - live) > live) { // much abandoned: compact rather than grow
        compact(size, true);
        end = (long) arenaSize + size;
      }
      if (end > arena.length) {
        if (end > MAX_ARENA) {
          throw new IllegalStateException("the candidate index's arena is full (2 GiB)");
        }
        // by a quarter of its length (an arena grown by half would stand a sixth empty on average,
        // doubled a quarter), within what an array can hold
        long grown = Math.min(MAX_ARENA, arena.length * 5L / 4);
        arena = Arrays.copyOf(arena, (int) Math.max(grown, end));
      }
    }
    int at = arenaSize;
    arenaSize = (int) end;
    return at;
  }

  /**
   * Copies the live blocks, each packed to its bytes, to a new arena with {@code room} more bytes
   * free, and with {@code slack} an eighth of their size more.
   */
  private void compact(int room, boolean slack) {
    long packed = packed(refs) + (settled == null ? 0 : packed(settled.refs));
    long length = Math.max(256, packed + (slack ? packed >> 3 : 0) + room);
    if (packed + room > MAX_ARENA) {
      throw new IllegalStateException("the candidate index's arena is full (2 GiB)");
    }
    byte[] fresh = new byte[(int) Math.min(MAX_ARENA, length)];
    int n = pack(refs, fresh, 0);
    if (settled != null) {
      n = pack(settled.refs, fresh, n);
    }
    arena = fresh;
    arenaSize = n;
    live = n;
    compactions++;
  }

  /** Bytes the blocks that {@code refs} reference take packed. */
  private long packed(int[] refs) {
    long packed = 0;
    for (int r : refs) {
      if (r != FREE && r < 0) {
        packed += PACKED + Math.abs((int) INT.get(arena, -r - 1));
      }
    }
    return packed;
  }

  /**
   * Copies the blocks that {@code refs} reference to {@code fresh} from {@code n} on, each packed,
   * and points the references there; returns the end.
   */
  private int pack(int[] refs, byte[] fresh, int n) {
    for (int i = 0; i < refs.length; i++) {
      int r = refs[i];
      if (r != FREE && r < 0) {
        int at = -r - 1;
        int header = (int) INT.get(arena, at);
        int used = Math.abs(header);
        System.arraycopy(arena, data(at, header), fresh, n + PACKED, used);
        INT.set(fresh, n, -used);
        refs[i] = -(n + 1);
        n += PACKED + used;
      }
    }
    return n;
  }

  /**
   * Packs the live blocks into an arena of their size (after a bulk load such as an index's
   * open, when no key is expected to grow soon).
   */
  void trim() {
    if (keyCount > 0 && (settled != null || keyCount >= minMerge)) {
      merge();
    }
    compact(0, false);
  }

  /** How many times the arena was compacted (for tests). */
  int compactions() {
    return compactions;
  }

  /** The arena's length in bytes (for tests). */
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

  /** The slot of {@code key}, or {@link #NONE}: what {@link #bound} and {@link #read} take. */
  int find(int key) {
    if (settled != null) {
      int i = settled.find(key);
      if (i >= 0) {
        return -2 - i;
      }
    }
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

  /** At least as many as the values the key of a slot holds: the room {@link #read} needs. */
  int bound(int slot) {
    int r = ref(slot);
    return r >= 0 ? 1 : Math.abs((int) INT.get(arena, -r - 1)); // a value takes a byte or more
  }

  /**
   * Writes the values of the key of a slot that are below {@code limit}, ascending, to {@code
   * into} (of {@link #bound} ints or more); returns how many.
   */
  int read(int slot, int limit, int[] into) {
    int r = ref(slot);
    if (r >= 0) {
      if (r >= limit) {
        return 0;
      }
      into[0] = r;
      return 1;
    }
    int at = -r - 1;
    int header = (int) INT.get(arena, at);
    int p = data(at, header);
    int end = p + Math.abs(header);
    byte[] b = arena;
    int v = 0;
    int n = 0;
    while (p < end) {
      long g = gapAt(b, p);
      p = (int) (g >>> 32);
      v += (int) g;
      if (v >= limit) {
        break;
      }
      into[n++] = v;
    }
    return n;
  }
}
