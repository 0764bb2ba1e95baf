package com.storyclusters.cluster;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.cursors.IntIntCursor;
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

  /**
   * Entries in {@code [from, to)} scored as the index scores documents: one hit per shared band
   * key and per anchor shingle held; the first {@code max} by {@link Candidate#ORDER}.
   */
  private List<Candidate> candidates(int from, int to, long[] bandKeys, int[] anchors, int max) {
    if (from >= to) {
      return List.of();
    }
    IntIntHashMap hits = new IntIntHashMap();
    for (long b : bandKeys) {
      byBand.forEach(b, e -> {
        if (e >= from && e < to) {
          hits.addTo(e, 1);
        }
      });
    }
    for (int a : anchors) {
      byShingle.forEach(a, e -> {
        if (e >= from && e < to) {
          hits.addTo(e, 1);
        }
      });
    }
    List<Candidate> out = new ArrayList<>(hits.size());
    for (IntIntCursor c : hits) {
      out.add(new Candidate(entries.get(c.key), c.value));
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
