package com.storyclusters.cluster;

/**
 * Members by their normalized text's hash, several to a hash (exact copies): an open-addressing
 * table of the members themselves, probed linearly from a home slot that a multiply-shift of the
 * hash's high bits picks among any number of slots; 4 bytes a slot, up to 0.75 full, grown by half;
 * a removal shifts back the members after it (no tombstones). Where an HPPC map of the hash to an
 * id (or a set of ids) took 12 bytes a slot. Not thread-safe: the cluster state's writer only.
 * Internal.
 */
final class TextTable {
  private ClusterState.Member[] slots = new ClusterState.Member[16];
  private int size;

  private static int home(long textHash, int capacity) {
    return (int) (((textHash >>> 32) * capacity) >>> 32);
  }

  private int next(int i) {
    return Probing.next(i, slots.length);
  }

  /** Adds a member (its id not held). */
  void add(ClusterState.Member m) {
    if (4L * (size + 1) > 3L * slots.length) {
      grow();
    }
    int i = home(m.textHash(), slots.length);
    while (slots[i] != null) {
      i = next(i);
    }
    slots[i] = m;
    size++;
  }

  /** Removes the member with this text hash and id, if held. */
  void remove(long textHash, String id) {
    int i = home(textHash, slots.length);
    for (ClusterState.Member m; (m = slots[i]) != null; i = next(i)) {
      if (m.textHash() == textHash && m.id().equals(id)) {
        removeAt(i);
        return;
      }
    }
  }

  /** The member with this text hash and the smallest id other than {@code excluded}, or null. */
  ClusterState.Member smallestOther(long textHash, String excluded) {
    ClusterState.Member best = null;
    int i = home(textHash, slots.length);
    for (ClusterState.Member m; (m = slots[i]) != null; i = next(i)) {
      if (m.textHash() == textHash && !m.id().equals(excluded)
          && (best == null || m.id().compareTo(best.id()) < 0)) {
        best = m;
      }
    }
    return best;
  }

  /** Empties slot {@code i}, shifting back the members after it that may not stand past it. */
  private void removeAt(int i) {
    int j = i;
    while (true) {
      j = next(j);
      ClusterState.Member m = slots[j];
      if (m == null) {
        break;
      }
      if (!Probing.stays(i, home(m.textHash(), slots.length), j)) {
        slots[i] = m;
        i = j;
      }
    }
    slots[i] = null;
    size--;
  }

  private void grow() {
    ClusterState.Member[] old = slots;
    slots = new ClusterState.Member[old.length + (old.length >> 1)];
    for (ClusterState.Member m : old) {
      if (m != null) {
        int i = home(m.textHash(), slots.length);
        while (slots[i] != null) {
          i = next(i);
        }
        slots[i] = m;
      }
    }
  }
}
