package com.storyclusters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Articles added since the last searcher refresh. Reopening Lucene's near-real-time reader after
 * every add would flush a segment per article; instead the facade refreshes every so many adds and
 * keeps the articles in between here, where candidates, shingle document frequencies and source
 * line frequencies are found in memory. Guarded by the facade's write lock.
 */
final class RecentBuffer {
  record Entry(String id, int[] lead, int length, int[] set, int[] sketch, long[] bandKeys,
      long[] lineKeys) {
    LuceneStore.Candidate asCandidate(int hits) {
      return new LuceneStore.Candidate(id, lead, length, set, sketch, hits);
    }
  }

  private final ArrayList<Entry> entries = new ArrayList<>();
  /** Article id to its entry's index. */
  private java.util.Map<String, Integer> ids = new java.util.HashMap<>();
  /** Shingle to the entries holding it, and band key to entries, for candidate look-ups. */
  private final LongIntMultimap byShingle = new LongIntMultimap();
  private final LongIntMultimap byBand = new LongIntMultimap();
  /** Source line key to the entries carrying it (each entry's keys are distinct). */
  private final LongIntMultimap byLine = new LongIntMultimap();
  /** Hits per entry during one candidates call; always zero between calls. */
  private int[] hits = new int[64];
  /** The entries hit during one candidates call, the first {@code touchedCount} of them. */
  private int[] touched = new int[64];
  private int touchedCount;
  private long shingles;
  private final IntConsumer collect = e -> {
    if (hits[e]++ == 0) {
      if (touchedCount == touched.length) {
        touched = java.util.Arrays.copyOf(touched, 2 * touchedCount);
      }
      touched[touchedCount++] = e;
    }
  };

  boolean contains(String id) {
    return ids.containsKey(id);
  }

  int size() {
    return entries.size();
  }

  /** Evidence shingles held, over all entries. */
  long shingles() {
    return shingles;
  }

  void add(Fingerprint fp) {
    long[] keys = fp.prepared.article.source().isEmpty() ? new long[0]
        : java.util.Arrays.stream(fp.prepared.lineKey).distinct().toArray();
    int index = entries.size();
    ids.put(fp.prepared.article.id(), index);
    shingles += fp.set.length;
    entries.add(new Entry(fp.prepared.article.id(), fp.lead, fp.length, fp.set, fp.sketch,
        fp.bandKeys, keys));
    for (int h : fp.set) {
      if (Fingerprint.sampled(h)) {
        byShingle.put(h, index);
      }
    }
    for (long b : fp.bandKeys) {
      byBand.put(b, index);
    }
    for (long k : keys) {
      byLine.put(k, index);
    }
  }

  /** The entry of an article id as a candidate without hits, or null when it is not here. */
  LuceneStore.Candidate candidate(String id) {
    Integer i = ids.get(id);
    if (i == null) {
      return null;
    }
    return entries.get(i).asCandidate(0);
  }

  int lineFrequency(long key) {
    return byLine.count(key);
  }

  /**
   * Entries scored as the Lucene candidate query scores documents: one hit per shared band key
   * (same band) and per anchor shingle the entry holds. Entries without hits are left out.
   */
  List<LuceneStore.Candidate> candidates(long[] bandKeys, int[] anchors) {
    if (hits.length < entries.size()) {
      hits = new int[Math.max(entries.size(), 2 * hits.length)];
    }
    touchedCount = 0;
    for (long b : bandKeys) {
      byBand.forEach(b, collect);
    }
    for (int a : anchors) {
      byShingle.forEach(a, collect);
    }
    int[] found = java.util.Arrays.copyOf(touched, touchedCount);
    java.util.Arrays.sort(found);
    List<LuceneStore.Candidate> out = new ArrayList<>(found.length);
    for (int i : found) {
      out.add(entries.get(i).asCandidate(hits[i]));
      hits[i] = 0;
    }
    return out;
  }

  /** Empties the buffer and frees what it grew (after a commit: nothing is held but the index). */
  void release() {
    clear();
    entries.trimToSize();
    ids = new java.util.HashMap<>();
    byShingle.release();
    byBand.release();
    byLine.release();
    hits = new int[64];
    touched = new int[64];
  }

  /** Empties the buffer, keeping its capacity for the next adds. */
  void clear() {
    entries.clear();
    ids.clear();
    shingles = 0;
    byShingle.clear();
    byBand.clear();
    byLine.clear();
  }
}
