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
  record Entry(String id, int[] sequence, int[] set, byte[] signature, long[] lineKeys) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Map<Integer, Integer> shingleDf = new HashMap<>();
  private final Map<Long, Integer> lineDf = new HashMap<>();

  int size() {
    return entries.size();
  }

  void add(Fingerprint fp) {
    long[] keys = fp.prepared.article.source().isEmpty() ? new long[0]
        : java.util.Arrays.stream(fp.prepared.lineKey).distinct().toArray();
    entries.add(new Entry(fp.prepared.article.id(), fp.sequence, fp.set, fp.signature.toBytes(),
        keys));
    for (int h : fp.set) {
      shingleDf.merge(h, 1, Integer::sum);
    }
    for (long k : keys) {
      lineDf.merge(k, 1, Integer::sum);
    }
  }

  int shingleFrequency(int h) {
    return shingleDf.getOrDefault(h, 0);
  }

  int lineFrequency(long key) {
    return lineDf.getOrDefault(key, 0);
  }

  /** Entries sharing at least {@code minShared} shingles with {@code set}, most shared first. */
  List<Entry> candidates(int[] set, int minShared, int max) {
    List<long[]> scored = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      int common = intersection(set, entries.get(i).set());
      if (common >= minShared) {
        scored.add(new long[] {common, i});
      }
    }
    scored.sort((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < Math.min(max, scored.size()); i++) {
      out.add(entries.get((int) scored.get(i)[1]));
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
    shingleDf.clear();
    lineDf.clear();
  }
}
