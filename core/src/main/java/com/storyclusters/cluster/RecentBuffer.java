package com.storyclusters.cluster;

import com.storyclusters.fingerprint.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles added since the durable index's searcher was last refreshed, in memory: their evidence,
 * and their band keys and anchor-sample shingles in primitive multimaps for candidate look-ups.
 * Refreshing the searcher after every add would flush a segment per article; the facade refreshes
 * between batch segments instead, every so many adds.
 *
 * <p>{@link #view} gives a {@link CandidateSource} over a range of entries: a batch segment's
 * parallel step reads the entries from before the segment, its sequential step those of the
 * segment. Writes ({@link #add}, {@link #clear}) need the facade's lock and no concurrent reader;
 * views are safe for concurrent readers between writes. Internal.
 */
public final class RecentBuffer {
  private final ArrayList<Evidence> entries = new ArrayList<>();
  private Map<String, Integer> ids = new HashMap<>();
  private LongIntMultimap byShingle = new LongIntMultimap();
  private LongIntMultimap byBand = new LongIntMultimap();
  private long shingles;

  public boolean contains(String id) {
    return ids.containsKey(id);
  }

  /** Entries held. */
  public int size() {
    return entries.size();
  }

  /** Evidence shingles held, over all entries. */
  public long shingles() {
    return shingles;
  }

  public void add(String id, Fingerprint fp) {
    int index = entries.size();
    ids.put(id, index);
    shingles += fp.set.length;
    entries.add(Evidence.of(id, fp));
    for (int h : fp.set) {
      if (Fingerprint.sampled(h)) {
        byShingle.put(h, index);
      }
    }
    for (long b : fp.bandKeys) {
      byBand.put(b, index);
    }
  }

  /** The entries {@code [from, to)} as a candidate source. */
  public CandidateSource view(int from, int to) {
    return new CandidateSource() {
      @Override
      public List<Candidate> candidates(long[] bandKeys, int[] anchors, int max) {
        return RecentBuffer.this.candidates(from, to, bandKeys, anchors, max);
      }

      @Override
      public Evidence evidence(String id) {
        Integer i = ids.get(id);
        return i == null || i < from || i >= to ? null : entries.get(i);
      }
    };
  }

  /** Per-thread counters for one look-up: hits per entry, the entries hit. */
  private static final ThreadLocal<int[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new int[][] {new int[1024], new int[1024]});

  /**
   * Entries in {@code [from, to)} scored as the index scores documents: one hit per shared band
   * key and per anchor shingle held; the first {@code max} by {@link Candidate#ORDER}. Counts in
   * per-thread primitive arrays; only the chosen entries become candidates.
   */
  private List<Candidate> candidates(int from, int to, long[] bandKeys, int[] anchors, int max) {
    if (from >= to || max == 0) {
      return List.of();
    }
    int[][] scratch = SCRATCH.get();
    if (scratch[0].length < to - from) {
      int size = Math.max(to - from, 2 * scratch[0].length);
      scratch[0] = new int[size];
      scratch[1] = new int[size];
    }
    int[] hits = scratch[0];
    int[] touched = scratch[1];
    int n = 0;
    for (long b : bandKeys) {
      n = byBand.countInto(b, from, to, hits, touched, n);
    }
    for (int a : anchors) {
      n = byShingle.countInto(a, from, to, hits, touched, n);
    }
    long[] ranked = new long[n]; // -hits << 32 | entry: most hits first
    for (int i = 0; i < n; i++) {
      ranked[i] = ((long) -hits[touched[i] - from] << 32) | touched[i];
      hits[touched[i] - from] = 0;
    }
    java.util.Arrays.sort(ranked);
    int cut = Math.min(max, n);
    if (cut == 0) {
      return List.of();
    }
    // everything tied with the last place competes by id
    int boundary = (int) (ranked[cut - 1] >> 32);
    int last = cut;
    while (last < n && (int) (ranked[last] >> 32) == boundary) {
      last++;
    }
    List<Candidate> out = new ArrayList<>(last);
    for (int i = 0; i < last; i++) {
      out.add(new Candidate(entries.get((int) ranked[i]), -(int) (ranked[i] >> 32)));
    }
    out.sort(Candidate.ORDER);
    return out.size() > max ? new ArrayList<>(out.subList(0, max)) : out;
  }

  /** Empties the buffer and frees what it grew. */
  public void clear() {
    entries.clear();
    entries.trimToSize();
    ids = new HashMap<>();
    shingles = 0;
    byShingle = new LongIntMultimap();
    byBand = new LongIntMultimap();
  }
}
