package com.storyclusters.cluster;

/**
 * Two sorted shingle sets merged for {@link PairScorer}, in arrays reused per thread (one instance
 * per thread; not thread-safe). {@link #of}: one pass over both sets gives which of A's shingles B
 * holds ({@code inB}, by A's index) and where each of B's is in A ({@code inA}, by B's index, -1
 * when A lacks it), so every later question about the pair (overlap, shared weight, lead shares,
 * shared runs) is a look-up by index, never a search. {@link #ofLead}: the marks of A's lead
 * only, by galloping through B, for the check most candidates stop at.
 */
final class SetMerge {
  boolean[] inB = new boolean[1024];
  int[] inA = new int[1024];
  int common;
  private boolean[] leadMarks = new boolean[1024];

  /** A cleared mark per shingle of A (the caller clears what it set). */
  boolean[] inLeadB(int n) {
    if (leadMarks.length < n) {
      leadMarks = new boolean[Math.max(n, 2 * leadMarks.length)];
    }
    return leadMarks;
  }

  /**
   * Marks in {@code inB} which of A's shingles at the indexes {@code leadSet} (ascending) B
   * holds, by galloping through B: as many steps as the lead has shingles, each a short search,
   * instead of one per shingle of both sets. The other marks are left as they were ({@link
   * #clearLead} resets these).
   */
  SetMerge ofLead(int[] a, int[] leadSet, int[] b) {
    return ofLead(a, leadSet, java.nio.IntBuffer.wrap(b));
  }

  /** {@link #ofLead(int[], int[], int[])} with B read where it lies (a stored record, say). */
  SetMerge ofLead(int[] a, int[] leadSet, java.nio.IntBuffer b) {
    marksFor(a.length);
    int n = b.limit();
    int j = 0;
    for (int i : leadSet) {
      int x = a[i];
      j = gallop(b, j, x);
      inB[i] = j < n && b.get(j) == x;
    }
    return this;
  }

  /**
   * Marks in {@code inB} which of A's shingles at the indexes {@code leadSet} B's filter may hold
   * ({@link Evidence#mayHold}): a superset of what {@link #ofLead} marks. Reset by {@link
   * #clearLead}.
   */
  SetMerge ofLeadFilter(int[] a, int[] leadSet, Evidence b) {
    marksFor(a.length);
    for (int i : leadSet) {
      inB[i] = b.mayHold(a[i]);
    }
    return this;
  }

  /** Room in {@code inB} for a set A of {@code n} shingles. */
  private void marksFor(int n) {
    if (inB.length < n) {
      inB = new boolean[Math.max(n, 2 * inB.length)];
    }
  }

  void clearLead(int[] leadSet) {
    for (int i : leadSet) {
      inB[i] = false;
    }
  }

  /** The first index at or after {@code from} whose value is at least {@code x}. */
  static int gallop(int[] b, int from, int x) {
    return gallop(java.nio.IntBuffer.wrap(b), from, x);
  }

  /** {@link #gallop(int[], int, int)} in a buffer's values {@code [0, limit)}. */
  static int gallop(java.nio.IntBuffer b, int from, int x) {
    int n = b.limit();
    if (from >= n || b.get(from) >= x) {
      return from;
    }
    int lo = from; // b[lo] < x
    int step = 1;
    int hi = from + 1;
    while (hi < n && b.get(hi) < x) {
      lo = hi;
      step <<= 1;
      hi = from + step;
    }
    int l = lo + 1;
    int r = Math.min(hi, n); // the answer is in [l, r]
    while (l < r) {
      int mid = (l + r) >>> 1;
      if (b.get(mid) < x) {
        l = mid + 1;
      } else {
        r = mid;
      }
    }
    return l;
  }

  SetMerge of(int[] a, int[] b) {
    marksFor(a.length);
    if (inA.length < b.length) {
      inA = new int[Math.max(b.length, 2 * inA.length)];
    }
    java.util.Arrays.fill(inB, 0, a.length, false);
    java.util.Arrays.fill(inA, 0, b.length, -1);
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) { // the steps without branches: they are unpredictable
      int x = a[i];
      int y = b[j];
      if (x == y) {
        inB[i] = true;
        inA[j] = i;
        c++;
      }
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    common = c;
    return this;
  }
}
