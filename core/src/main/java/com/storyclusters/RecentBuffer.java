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
  private final Map<Long, Integer> lineDf = new HashMap<>();

  int size() {
    return entries.size();
  }

  void add(Fingerprint fp) {
    long[] keys = fp.prepared.article.source().isEmpty() ? new long[0]
        : java.util.Arrays.stream(fp.prepared.lineKey).distinct().toArray();
    entries.add(new Entry(fp.prepared.article.id(), fp.sequence, fp.set, fp.signature.toBytes(),
        fp.bandKeys, keys));
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
    List<LuceneStore.Candidate> out = new ArrayList<>();
    for (Entry e : entries) {
      int hits = 0;
      for (int i = 0; i < Math.min(bandKeys.length, e.bandKeys().length); i++) {
        if (bandKeys[i] == e.bandKeys()[i]) {
          hits++;
        }
      }
      for (int anchor : anchors) {
        if (java.util.Arrays.binarySearch(e.set(), anchor) >= 0) {
          hits++;
        }
      }
      if (hits > 0) {
        out.add(new LuceneStore.Candidate(e.id(), e.sequence(), e.set(), e.signature(), hits));
      }
    }
    return out;
  }

  static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  void clear() {
    entries.clear();
    lineDf.clear();
  }
}
