package com.storyclusters.cluster;

import com.storyclusters.fingerprint.Fingerprint;
import java.util.Arrays;

/**
 * Which shingles find candidates, both drawn from the anchor sample ({@link Fingerprint#sampled},
 * a consistent half of all shingles): the keys an indexed article is found by ({@link #held}) and
 * the anchors a new article looks up ({@link #chosen}). {@link PairScorer} gives each its lead
 * window. Stateless; internal.
 */
final class Anchors {
  private Anchors() {}

  /**
   * Anchors drawn from the lead window first: a page that carries other stories after its own
   * (related articles) holds their rarest shingles too, which would otherwise take every anchor and
   * find only those stories' articles, never the page's headline story (on the generated corpus:
   * recall 0.969 → 0.986; COUNTER unchanged).
   */
  static final int LEAD_ANCHORS = 16;
  /** Shingles in more articles than this are not anchors: they find too many candidates. */
  static final int MAX_ANCHOR_FREQUENCY = 256;

  /**
   * The shingles an indexed article is found by: the anchor sample of its first {@code
   * leadWindow} lead shingles, distinct, ascending. A pair links only if each text's lead window
   * is {@code minLeadShare} held by the other (the lead rule), so an article that can link to
   * this one holds some of these; the rest of its text finds nothing it could join.
   */
  static int[] held(Evidence e, int leadWindow) {
    int[] ranks = e.leadRanks();
    int[] set = e.set();
    int[] window = Leads.distinctSorted(ranks, leadWindow);
    int[] out = new int[window.length];
    int n = 0;
    for (int r : window) {
      if (Fingerprint.sampled(set[r])) {
        out[n++] = set[r];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Up to {@code maxAnchors} shingles of the anchor sample ({@link Fingerprint#sampled}) that at
   * least one indexed article holds by {@code counts} (the frequency estimate and the recent
   * counts of each shingle of the set): the {@link #LEAD_ANCHORS} rarest of its first {@code
   * window} lead shingles, then the rarest of the whole text.
   */
  static int[] chosen(Evidence fp, int[] counts, int window, int maxAnchors) {
    int[] set = fp.set();
    int[] leadRanks = fp.leadRanks();
    long[] packed = new long[Math.max(window, set.length)];
    int m = 0;
    for (int k = 0; k < window; k++) {
      m = pack(packed, m, set, leadRanks[k], counts);
    }
    long[] lead = rarest(packed, m);
    int fromLead = Math.min(lead.length, Math.min(LEAD_ANCHORS, maxAnchors));
    m = 0;
    for (int k = 0; k < set.length; k++) {
      m = pack(packed, m, set, k, counts);
    }
    // the set is distinct, so none repeats; no more than maxAnchors of them are read below
    long[] all = smallest(packed, m, maxAnchors);
    int[] out = new int[maxAnchors];
    int n = 0;
    for (int i = 0; i < fromLead; i++) {
      out[n++] = (int) lead[i];
    }
    int[] fromTheLead = Arrays.copyOf(out, n);
    Arrays.sort(fromTheLead);
    for (int i = 0; i < all.length && n < out.length; i++) {
      if (Arrays.binarySearch(fromTheLead, (int) all[i]) < 0) {
        out[n++] = (int) all[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Appends {@code set[k]} packed as {@code count << 32 | value} when it is sampled and held by 1
   * to {@link #MAX_ANCHOR_FREQUENCY} articles.
   */
  private static int pack(long[] packed, int m, int[] set, int k, int[] counts) {
    int h = set[k];
    if (Fingerprint.sampled(h) && counts[k] >= 1 && counts[k] <= MAX_ANCHOR_FREQUENCY) {
      packed[m++] = ((long) counts[k] << 32) | (h & 0xFFFFFFFFL);
    }
    return m;
  }

  /**
   * The {@code k} smallest of the distinct entries {@code packed[0, m)}, ascending (all of them if
   * fewer): the first {@code k} that sorting them all would give, at the cost of one pass that
   * keeps the {@code k} smallest so far in a max-heap, and a sort of {@code k} (a text's anchor
   * sample holds a few hundred entries, of which 64 are read): O(m log k) at worst. A loop this
   * small is compiled in a few milliseconds, where Lucene's {@code IntroSelector}, which it
   * replaces, took 0.5-0.7 s of C2's time in a 50,000-article run. Overwrites {@code packed[0,
   * m)}.
   */
  static long[] smallest(long[] packed, int m, int k) {
    if (m > k) {
      if (k == 0) {
        return new long[0];
      }
      for (int i = (k >>> 1) - 1; i >= 0; i--) {
        siftDown(packed, i, k);
      }
      for (int i = k; i < m; i++) {
        if (packed[i] < packed[0]) {
          packed[0] = packed[i];
          siftDown(packed, 0, k);
        }
      }
      m = k;
    }
    Arrays.sort(packed, 0, m);
    return Arrays.copyOf(packed, m);
  }

  /** Restores the max-heap {@code heap[0, n)} below {@code i}. */
  private static void siftDown(long[] heap, int i, int n) {
    long v = heap[i];
    for (int child = 2 * i + 1; child < n; child = 2 * i + 1) {
      if (child + 1 < n && heap[child + 1] > heap[child]) {
        child++;
      }
      if (heap[child] <= v) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = v;
  }

  /** The distinct entries of {@code packed[0, m)}, rarest first, then by value. */
  private static long[] rarest(long[] packed, int m) {
    Arrays.sort(packed, 0, m);
    long[] out = new long[m];
    int d = 0;
    for (int k = 0; k < m; k++) {
      if (k == 0 || packed[k] != packed[k - 1]) {
        out[d++] = packed[k];
      }
    }
    return Arrays.copyOf(out, d);
  }
}
