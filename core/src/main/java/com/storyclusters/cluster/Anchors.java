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
    long[] packed = new long[window];
    int m = 0;
    for (int k = 0; k < window; k++) {
      m = pack(packed, m, set, leadRanks[k], counts);
    }
    long[] lead = rarest(packed, m);
    int fromLead = Math.min(lead.length, Math.min(LEAD_ANCHORS, maxAnchors));
    long[] all = rarestOfSet(set, counts, maxAnchors); // no more are read below
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
   * Appends {@code set[k]} packed as {@code count << 32 | value} when it {@link #mayAnchor}.
   */
  private static int pack(long[] packed, int m, int[] set, int k, int[] counts) {
    if (mayAnchor(set[k], counts[k])) {
      packed[m++] = packed(set[k], counts[k]);
    }
    return m;
  }

  /** Whether {@code h}, held by {@code count} articles, may be an anchor: sampled, held 1 to 256. */
  private static boolean mayAnchor(int h, int count) {
    return Fingerprint.sampled(h) && count >= 1 && count <= MAX_ANCHOR_FREQUENCY;
  }

  /** {@code h} with its count, ordered rarest first, then by the value (unsigned). */
  private static long packed(int h, int count) {
    return ((long) count << 32) | (h & 0xFFFFFFFFL);
  }

  /**
   * The first {@code k} of the set's shingles that {@link #mayAnchor}, packed ({@link #packed})
   * and ascending: what sorting them all would give, by a counting sort on the count, with no
   * comparison. The set ascends as signed ints, so read from its first non-negative value round
   * to its last negative one it ascends as unsigned ones: each count's shingles arrive in the
   * order a sort puts them. Two passes over the set; each shingle is distinct.
   */
  static long[] rarestOfSet(int[] set, int[] counts, int k) {
    int[] next = new int[MAX_ANCHOR_FREQUENCY + 2]; // then where each count's next one goes
    for (int i = 0; i < set.length; i++) {
      if (mayAnchor(set[i], counts[i])) {
        next[counts[i] + 1]++;
      }
    }
    for (int c = 1; c < next.length; c++) {
      next[c] += next[c - 1];
    }
    long[] out = new long[Math.min(k, next[next.length - 1])];
    int zero = Arrays.binarySearch(set, 0);
    zero = zero >= 0 ? zero : -zero - 1;
    for (int t = 0; t < set.length; t++) {
      int i = t < set.length - zero ? zero + t : t - (set.length - zero);
      if (mayAnchor(set[i], counts[i])) {
        int at = next[counts[i]]++;
        if (at < out.length) {
          out[at] = packed(set[i], counts[i]);
        }
      }
    }
    return out;
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
