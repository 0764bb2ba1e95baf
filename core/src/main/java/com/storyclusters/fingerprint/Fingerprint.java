package com.storyclusters.fingerprint;

import com.storyclusters.boilerplate.BoilerplateFilter;
import com.storyclusters.boilerplate.LineCounts;

import com.storyclusters.minhash.MinHasher;
import com.storyclusters.minhash.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An article's fingerprint after boilerplate removal: the lead of its evidence shingles in text
 * order (32-bit, the high half of the 64-bit shingle hash; the first {@link #leadLength} of them,
 * all the lead rule ever looks at) and their total count, the sorted distinct set of all of them,
 * and the MinHash signature. Immutable after construction (its arrays are not to
 * be written by callers); internal.
 */
public final class Fingerprint {
  /** The lead kept of each text: its first {@code max(LEAD_SHINGLES, LEAD_FRACTION * length)}. */
  public static final int LEAD_SHINGLES = 128;
  public static final double LEAD_FRACTION = 0.3;

  /**
   * Whether an evidence shingle is one of the anchor sample: the half of all shingles with an even
   * value. Only sampled shingles are kept for candidate look-ups and sought as anchors; since the
   * sample is a function of the value, two texts sharing a shingle agree on whether it is sampled
   * (a consistent sample), so a copy still shares half of its rare shingles with its source in the
   * sample. A half found the same candidates that mattered on the development data as all
   * shingles; a quarter or an eighth lose wholly derived COUNTER pairs (WD 0.812 → 0.797 → 0.783).
   */
  public static boolean sampled(int h) {
    return (h & 1) == 0;
  }

  public final Prepared prepared;
  public final String keptText;
  /** The first {@link #leadLength}({@code length}) evidence shingles, in text order. */
  public final int[] lead;
  /** For each element of {@link #lead}, its index in {@link #set}. */
  public final int[] leadRanks;
  /** Number of evidence shingles (with repeats) in the whole text. */
  public final int length;
  public final int[] set;
  public final Signature signature;
  /**
   * The signature as stored: the lowest 8 bits of each value (b-bit minwise hashing, Li and König,
   * WWW 2010). Two different minima agree in them by chance one time in 256, which {@link
   * #sketchJaccard} corrects for; a value's lowest bits, unlike its highest, do not lean towards
   * zero for being a minimum.
   */
  public final byte[] sketch;
  public final List<String> removed;

  private Fingerprint(Prepared prepared, String keptText, int[] sequence, int[] set,
      int[] leadRanks, Signature signature, List<String> removed) {
    this.prepared = prepared;
    this.keptText = keptText;
    this.lead = Arrays.copyOf(sequence, leadLength(sequence.length));
    this.leadRanks = leadRanks;
    this.length = sequence.length;
    this.set = set;
    this.signature = signature;
    this.sketch = sketchOf(signature);
    this.removed = removed;
  }

  /**
   * Removes boilerplate lines and the lines before the page's own headline ({@link
   * Prepared#headline}), and fingerprints the rest.
   *
   * @param lineCounts how many indexed articles of the source, and of any source, and how many
   *     stories of the source, carry each line; null to skip boilerplate removal
   */
  public static Fingerprint select(Prepared p, LineCounts lineCounts, MinHasher hasher,
      int maxShingles) {
    int lines = p.lines();
    boolean[] drop = new boolean[lines];
    if (lineCounts != null && !p.article.source().isEmpty()) {
      BoilerplateFilter.mark(p.lineTokens, lineCounts, drop);
    }
    Arrays.fill(drop, 0, p.headline, true); // before the page's own headline: chrome, teasers
    List<String> removed = new ArrayList<>();
    int count = 0;
    int firstKept = -1;
    int lastKept = -1;
    boolean gap = false; // whether kept lines are not one run of lines
    for (int i = 0; i < lines; i++) {
      if (drop[i]) {
        removed.add(p.line(i));
      } else {
        gap |= lastKept >= 0 && lastKept != i - 1;
        firstKept = firstKept < 0 ? i : firstKept;
        lastKept = i;
        count += p.shingleStart[i + 1] - p.shingleStart[i];
      }
    }
    String keptText = keptText(p, drop, firstKept, lastKept, gap);
    count = Math.min(count, maxShingles);
    long[] shingles;
    if (removed.isEmpty()) {
      shingles = p.shingles; // the first count of them are the evidence
    } else {
      shingles = new long[count];
      int n = 0;
      for (int i = 0; i < lines && n < count; i++) {
        if (!drop[i]) {
          int c = Math.min(p.shingleStart[i + 1] - p.shingleStart[i], count - n);
          System.arraycopy(p.shingles, p.shingleStart[i], shingles, n, c);
          n += c;
        }
      }
    }
    int[] sequence = new int[count];
    for (int i = 0; i < count; i++) {
      sequence[i] = (int) (shingles[i] >>> 32);
    }
    DistinctSort sorted = DistinctSort.of(sequence, count, leadLength(count));
    Signature signature = hasher.signature(shingles, count, sorted.set.length);
    return new Fingerprint(p, keptText, sequence, sorted.set, sorted.ranks, signature, removed);
  }

  /**
   * The kept lines joined by '\n': a substring of the normalized text (or all of it) when they
   * are one run of lines with one '\n' between each two, as normalized text has.
   */
  private static String keptText(Prepared p, boolean[] drop, int firstKept, int lastKept,
      boolean gap) {
    if (firstKept < 0) {
      return "";
    }
    int chars = 0;
    for (int i = firstKept; i <= lastKept; i++) {
      chars += p.lineEnd[i] - p.lineStart[i];
    }
    int from = p.lineStart[firstKept];
    int to = p.lineEnd[lastKept];
    if (!gap && to - from == chars + (lastKept - firstKept)) {
      return from == 0 && to == p.normalized.length() ? p.normalized
          : p.normalized.substring(from, to);
    }
    StringBuilder kept = new StringBuilder(p.normalized.length());
    for (int i = 0; i < p.lines(); i++) {
      if (!drop[i]) {
        if (kept.length() > 0) {
          kept.append('\n');
        }
        kept.append(p.normalized, p.lineStart[i], p.lineEnd[i]);
      }
    }
    return kept.toString();
  }

  /** The lowest 8 bits of each signature value. */
  public static byte[] sketchOf(Signature signature) {
    byte[] sketch = new byte[signature.k()];
    for (int i = 0; i < sketch.length; i++) {
      sketch[i] = (byte) signature.value(i);
    }
    return sketch;
  }

  /** The chance that two different minima agree in their lowest 8 bits. */
  private static final double CHANCE = 1.0 / 256;

  /**
   * MinHash Jaccard estimate from two {@link #sketch}es: the share of agreeing values, less the
   * chance agreements of 8-bit values ({@code (agree / k - 2^-8) / (1 - 2^-8)}, at least 0);
   * 0 when either set is empty.
   */
  public static double sketchJaccard(byte[] a, int setSizeA, byte[] b, int setSizeB) {
    if (setSizeA == 0 || setSizeB == 0 || a.length != b.length || a.length == 0) {
      return 0;
    }
    int agree = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        agree++;
      }
    }
    return Math.max(0, ((double) agree / a.length - CHANCE) / (1 - CHANCE));
  }

  /** How many of a text's {@code length} evidence shingles its lead holds. */
  public static int leadLength(int length) {
    return (int) Math.min(length, Math.max(LEAD_SHINGLES, Math.ceil(LEAD_FRACTION * length)));
  }
}
