package com.storyclusters.cluster;

import java.util.Arrays;

/**
 * Article ids to their ordinals in a {@link CandidateIndex}, holding the ordinals alone: the id of
 * ordinal {@code o} is {@code ids[o]}, the index's own array, which every call passes. An
 * open-addressing table of ordinals, 4 bytes a slot, probed linearly from a home slot that a
 * multiply-shift of the id's hash picks among any number of slots; up to 0.75 full, grown by half;
 * a removal shifts back the entries after it (no tombstones). Where an HPPC map of id to ordinal
 * took 8 bytes a slot. Not thread-safe for writes; reads are safe while nothing writes. Internal.
 */
final class OrdinalTable {
  private static final int FREE = -1;
  private int[] slots = free(16);
  private int size;

  private static int[] free(int capacity) {
    int[] s = new int[capacity];
    Arrays.fill(s, FREE);
    return s;
  }

  private static int home(String id, int capacity) {
    return Probing.home(id.hashCode(), capacity);
  }

  private int next(int i) {
    return Probing.next(i, slots.length);
  }

  /** The ordinal of {@code id}, or -1. */
  int get(String id, String[] ids) {
    for (int i = home(id, slots.length), o; (o = slots[i]) != FREE; i = next(i)) {
      if (ids[o].equals(id)) {
        return o;
      }
    }
    return -1;
  }

  /** Holds ordinal {@code ordinal}, whose id ({@code ids[ordinal]}) is not held. */
  void put(int ordinal, String[] ids) {
    if (4L * (size + 1) > 3L * slots.length) {
      int[] old = slots;
      slots = free(old.length + (old.length >> 1));
      for (int o : old) {
        if (o != FREE) {
          place(o, ids);
        }
      }
    }
    place(ordinal, ids);
    size++;
  }

  private void place(int ordinal, String[] ids) {
    int i = home(ids[ordinal], slots.length);
    while (slots[i] != FREE) {
      i = next(i);
    }
    slots[i] = ordinal;
  }

  /**
   * Removes {@code id} (its entry still at {@code ids[ordinal]}); the others' ids must be in
   * {@code ids} too.
   */
  void remove(String id, String[] ids) {
    int i = home(id, slots.length);
    for (int o; (o = slots[i]) != FREE; i = next(i)) {
      if (ids[o].equals(id)) {
        removeAt(i, ids);
        return;
      }
    }
  }

  /** Empties slot {@code i}, shifting back the entries after it that may not stand past it. */
  private void removeAt(int i, String[] ids) {
    int j = i;
    while (true) {
      j = next(j);
      int o = slots[j];
      if (o == FREE) {
        break;
      }
      if (!Probing.stays(i, home(ids[o], slots.length), j)) {
        slots[i] = o;
        i = j;
      }
    }
    slots[i] = FREE;
    size--;
  }

  /** Holds nothing (the slots kept). */
  void clear() {
    Arrays.fill(slots, FREE);
    size = 0;
  }
}
