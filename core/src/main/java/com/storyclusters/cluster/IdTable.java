package com.storyclusters.cluster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Immutable values by their string id, for one writer and any number of readers that take no lock:
 * an open-addressing table of the values themselves (their id read from them) and their ids'
 * hashes, which a probe compares before it reads a value: 8 bytes a slot, 0.5-0.75 full, where a
 * {@code ConcurrentHashMap} takes a 32-byte node per entry besides its table.
 * The writer (one thread at a time, under the caller's lock) puts in place, marks removed slots (a
 * tombstone, dropped when the table is rebuilt), and rebuilds the table into a new array that it
 * publishes whole; a reader works on the arrays it read, whose value slots are written with
 * release (after the hash) and read with acquire semantics (before the hash), so it sees each value whole (the values are immutable) and sees
 * either the value before a concurrent write or the one after. {@link #values} is weakly
 * consistent, as a {@code ConcurrentHashMap}'s is. Nulls are not allowed. Internal.
 */
final class IdTable<V> {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final Object REMOVED = new Object();
  private static final double MAX_USED = 0.75;

  private final Function<V, String> idOf;
  /** The table: each slot's value (null: free) and its id's hash. Replaced whole. */
  private record Slots(Object[] values, int[] hashes) {
    Slots(int capacity) {
      this(new Object[capacity], new int[capacity]);
    }
  }

  private volatile Slots table = new Slots(16);
  private volatile int size;
  /** Slots not null: values and tombstones (the writer's only). */
  private int used;

  IdTable(Function<V, String> idOf) {
    this.idOf = idOf;
  }

  private static int home(String id, int capacity) {
    return Probing.home(id.hashCode(), capacity);
  }

  /** The values held. */
  int size() {
    return size;
  }

  /** The value with this id, or null. */
  @SuppressWarnings("unchecked")
  V get(String id) {
    Slots t = table;
    Object[] values = t.values;
    int capacity = values.length;
    int h = id.hashCode();
    for (int i = home(id, capacity); ; i = Probing.next(i, capacity)) {
      Object o = SLOT.getAcquire(values, i);
      if (o == null) {
        return null;
      }
      if (o != REMOVED && t.hashes[i] == h && idOf.apply((V) o).equals(id)) {
        return (V) o;
      }
    }
  }

  /** The slot holding {@code id}, or minus one minus the slot where it would go (writer only). */
  @SuppressWarnings("unchecked")
  private int find(Slots t, String id) {
    Object[] values = t.values;
    int capacity = values.length;
    int h = id.hashCode();
    int free = -1;
    for (int i = home(id, capacity); ; i = Probing.next(i, capacity)) {
      Object o = values[i];
      if (o == null) {
        return -1 - (free >= 0 ? free : i);
      }
      if (o == REMOVED) {
        if (free < 0) {
          free = i;
        }
      } else if (t.hashes[i] == h && idOf.apply((V) o).equals(id)) {
        return i;
      }
    }
  }

  /** Puts a value, in place of the one with its id if any; returns that one, or null. */
  @SuppressWarnings("unchecked")
  V put(V value) {
    String id = idOf.apply(value);
    Slots t = table;
    int s = find(t, id);
    if (s >= 0) {
      V previous = (V) t.values[s];
      SLOT.setRelease(t.values, s, value);
      return previous;
    }
    s = -1 - s;
    if (t.values[s] == null) {
      if (used + 1 > MAX_USED * t.values.length) {
        t = rebuild(t);
        s = -1 - find(t, id);
      }
      if (t.values[s] == null) {
        used++;
      }
    }
    t.hashes[s] = id.hashCode();
    SLOT.setRelease(t.values, s, value);
    size = size + 1;
    return null;
  }

  /** Removes the value with this id; returns it, or null. */
  @SuppressWarnings("unchecked")
  V remove(String id) {
    Slots t = table;
    int s = find(t, id);
    if (s < 0) {
      return null;
    }
    V previous = (V) t.values[s];
    SLOT.setRelease(t.values, s, REMOVED);
    size = size - 1;
    return previous;
  }

  /**
   * A new table without tombstones, grown by half when the values would fill more than half of
   * this one's slots, published whole.
   */
  private Slots rebuild(Slots old) {
    int capacity = old.values.length;
    if (size + 1 > capacity / 2) {
      capacity = capacity + (capacity >> 1);
    }
    Slots t = new Slots(capacity);
    for (int k = 0; k < old.values.length; k++) {
      Object o = old.values[k];
      if (o != null && o != REMOVED) {
        @SuppressWarnings("unchecked")
        String id = idOf.apply((V) o);
        int i = home(id, capacity);
        while (t.values[i] != null) {
          i = Probing.next(i, capacity);
        }
        t.values[i] = o;
        t.hashes[i] = old.hashes[k];
      }
    }
    used = size;
    table = t; // the volatile write publishes the filled arrays
    return t;
  }

  /** The values, weakly consistent: an iterator walks the table it started on. */
  Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        Object[] t = table.values;
        return new Iterator<>() {
          private int at = -1;
          private Object pending = advance();

          /** The next value after {@code at}, read once, or null at the end. */
          private Object advance() {
            while (++at < t.length) {
              Object o = SLOT.getAcquire(t, at);
              if (o != null && o != REMOVED) {
                return o;
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return pending != null;
          }

          @Override
          @SuppressWarnings("unchecked")
          public V next() {
            if (pending == null) {
              throw new NoSuchElementException();
            }
            Object o = pending;
            pending = advance();
            return (V) o;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
