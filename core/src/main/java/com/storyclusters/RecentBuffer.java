package com.storyclusters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles added since the last searcher refresh. Reopening Lucene's near-real-time reader after
 * every add would flush a segment per article; instead the facade refreshes every so many adds and
 * keeps the articles in between here, where candidates, shingle document frequencies and source
 * line frequencies are found in memory. Guarded by the facade's write lock.
 */
final class RecentBuffer {
  record Entry(String id, int[] sequence, int[] set, byte[] signature, long[] bandKeys,
      long[] lineKeys) {}

  private final List<Entry> entries = new ArrayList<>();
  private final java.util.Set<String> ids = new java.util.HashSet<>();
  /** Shingle to the entries holding it, and band key to entries, for candidate look-ups. */
  private final Map<Integer, List<Integer>> byShingle = new HashMap<>();
  private final Map<Long, List<Integer>> byBand = new HashMap<>();
  private final Map<Long, Integer> lineDf = new HashMap<>();

  boolean contains(String id) {
    return ids.contains(id);
  }

  int size() {
    return entries.size();
  }

  void add(Fingerprint fp) {
    long[] keys = fp.prepared.article.source().isEmpty() ? new long[0]
        : java.util.Arrays.stream(fp.prepared.lineKey).distinct().toArray();
    int index = entries.size();
    ids.add(fp.prepared.article.id());
    entries.add(new Entry(fp.prepared.article.id(), fp.sequence, fp.set, fp.signature.toBytes(),
        fp.bandKeys, keys));
    for (int h : fp.set) {
      byShingle.computeIfAbsent(h, k -> new ArrayList<>(2)).add(index);
    }
    for (long b : fp.bandKeys) {
      byBand.computeIfAbsent(b, k -> new ArrayList<>(2)).add(index);
    }
    for (long k : keys) {
      lineDf.merge(k, 1, Integer::sum);
    }
  }

  int lineFrequency(long key) {
    return lineDf.getOrDefault(key, 0);
  }

  /**
   * Entries scored as the Lucene candidate query scores documents: one hit per shared band key
   * (same band) and per anchor shingle the entry holds. Entries without hits are left out.
   */
  List<LuceneStore.Candidate> candidates(long[] bandKeys, int[] anchors) {
    Map<Integer, int[]> hits = new java.util.TreeMap<>();
    for (long b : bandKeys) {
      for (int e : byBand.getOrDefault(b, List.of())) {
        hits.computeIfAbsent(e, k -> new int[1])[0]++;
      }
    }
    for (int a : anchors) {
      for (int e : byShingle.getOrDefault(a, List.of())) {
        hits.computeIfAbsent(e, k -> new int[1])[0]++;
      }
    }
    List<LuceneStore.Candidate> out = new ArrayList<>(hits.size());
    hits.forEach((i, n) -> {
      Entry e = entries.get(i);
      out.add(new LuceneStore.Candidate(e.id(), e.sequence(), e.set(), e.signature(), n[0]));
    });
    return out;
  }

  void clear() {
    entries.clear();
    ids.clear();
    byShingle.clear();
    byBand.clear();
    lineDf.clear();
  }
}
