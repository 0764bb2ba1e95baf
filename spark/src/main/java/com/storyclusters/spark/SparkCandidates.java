package com.storyclusters.spark;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import com.storyclusters.Settings;
import com.storyclusters.batch.BatchSteps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The candidates of {@link SparkPlan}: for each article, the earlier articles with a hit (one per
 * band key shared, counted per occurrence as the candidate index counts, and one per anchor held),
 * ranked by {@link BatchSteps#top}. Keys are spread over buckets; an article sends one packed
 * record per bucket (its band keys there, the shingles it is found by ({@link
 * BatchSteps#heldKeys}), the anchors it asks), and each bucket finds its hits with an index built
 * once, as {@link PrefixCounts} counts.
 * Stateless.
 */
final class SparkCandidates {
  private SparkCandidates() {}

  private static int folded(long key) {
    return (int) (key ^ (key >>> 32));
  }

  /**
   * An article's keys in one bucket, packed: {@code [position, canLink, bands, (folded, key) x
   * bands, holds, shingle x holds, asks, anchor x asks]}.
   */
  private static List<Tuple2<Integer, long[]>> packed(BatchSteps steps, int buckets,
      long position, SparkPlan.Own own) {
    LongArrayList[] bands = new LongArrayList[buckets];
    LongArrayList[] holds = new LongArrayList[buckets];
    LongArrayList[] asks = new LongArrayList[buckets];
    for (long key : own.fp().bandKeys()) {
      int f = folded(key);
      list(bands, PrefixCounts.bucket(f, buckets)).add(f, key);
    }
    for (int h : steps.heldKeys(own.fp())) {
      list(holds, PrefixCounts.bucket(h, buckets)).add(h);
    }
    if (own.canLink()) {
      for (int a : own.anchors()) {
        list(asks, PrefixCounts.bucket(a, buckets)).add(a);
      }
    }
    List<Tuple2<Integer, long[]>> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (bands[b] == null && holds[b] == null && asks[b] == null) {
        continue;
      }
      LongArrayList p = new LongArrayList();
      p.add(position, own.canLink() ? 1 : 0);
      for (int part = 0; part < 3; part++) {
        LongArrayList l = part == 0 ? bands[b] : part == 1 ? holds[b] : asks[b];
        int n = l == null ? 0 : l.size();
        p.add(part == 0 ? n / 2 : n);
        if (n > 0) {
          p.add(l.buffer, 0, n);
        }
      }
      out.add(new Tuple2<>(b, p.toArray()));
    }
    return out;
  }

  private static LongArrayList list(LongArrayList[] lists, int b) {
    return lists[b] == null ? lists[b] = new LongArrayList() : lists[b];
  }

  /**
   * Each article's candidates, in rank order ({@link BatchSteps#top}), by position.
   *
   * @param largestBandGroup receives each bucket's largest band-key group (the number of
   *     entries under one folded key) when the result is computed
   */
  static JavaPairRDD<Long, List<Long>> top(Broadcast<Settings> bs, int buckets,
      Broadcast<String[]> names, JavaPairRDD<Long, SparkPlan.Own> own,
      org.apache.spark.util.CollectionAccumulator<Long> largestBandGroup) {
    JavaPairRDD<Integer, long[]> keys = JavaPairRDD.fromJavaRDD(own.flatMap(
        t -> packed(SparkPlan.steps(bs.value()), buckets, t._1(), t._2()).iterator()));
    JavaPairRDD<Long, long[]> hits = keys.partitionBy(new PrefixCounts.Buckets(buckets))
        .mapPartitionsToPair(it -> {
          List<long[]> records = new ArrayList<>();
          it.forEachRemaining(t -> records.add(t._2()));
          long[] largest = new long[1];
          List<Tuple2<Long, long[]>> found = bucketHits(records, largest);
          largestBandGroup.add(largest[0]);
          return found.iterator();
        });
    return PrefixCounts.group(hits, buckets).mapValues(lists -> {
      LongIntHashMap count = new LongIntHashMap();
      for (long[] l : lists) {
        for (long j : l) {
          count.addTo(j, 1);
        }
      }
      long[] js = new long[count.size()];
      String[] ids = new String[js.length];
      int[] counts = new int[js.length];
      int k = 0;
      for (LongIntCursor c : count) {
        js[k] = c.key;
        ids[k] = names.value()[(int) c.key];
        counts[k++] = c.value;
      }
      int[] order = SparkPlan.steps(bs.value()).top(ids, counts);
      List<Long> out = new ArrayList<>(order.length);
      for (int o : order) {
        out.add(js[o]);
      }
      return out;
    });
  }

  /**
   * One bucket's hits: for each asking article, the earlier articles that hold one of its band
   * keys (once per entry under the folded key, as the candidate index counts) or one of its
   * anchors; and in {@code largestBandGroup[0]}, the most entries under one folded key.
   */
  private static List<Tuple2<Long, long[]>> bucketHits(List<long[]> records,
      long[] largestBandGroup) {
    // folded band key -> entries {position, key}; anchor-sample shingle -> holders
    IntObjectHashMap<LongArrayList> bandEntries = new IntObjectHashMap<>();
    IntObjectHashMap<LongArrayList> holders = new IntObjectHashMap<>();
    for (long[] r : records) {
      int i = 2;
      int bands = (int) r[i++];
      for (int b = 0; b < bands; b++, i += 2) {
        int f = (int) r[i];
        LongArrayList l = bandEntries.get(f);
        if (l == null) {
          bandEntries.put(f, l = new LongArrayList());
        }
        l.add(r[0], r[i + 1]);
      }
      int holds = (int) r[i++];
      for (int h = 0; h < holds; h++, i++) {
        int s = (int) r[i];
        LongArrayList l = holders.get(s);
        if (l == null) {
          holders.put(s, l = new LongArrayList());
        }
        l.add(r[0]);
      }
    }
    long largest = 0;
    Map<Integer, Map<Long, Set<Long>>> held = new HashMap<>(); // per folded key: who holds what
    for (com.carrotsearch.hppc.cursors.IntObjectCursor<LongArrayList> c : bandEntries) {
      largest = Math.max(largest, c.value.size() / 2);
    }
    for (com.carrotsearch.hppc.cursors.IntObjectCursor<LongArrayList> c : holders) {
      Arrays.sort(c.value.buffer, 0, c.value.size());
    }
    largestBandGroup[0] = largest;
    List<Tuple2<Long, long[]>> out = new ArrayList<>();
    for (long[] r : records) {
      if (r[1] == 0) {
        continue; // an article that cannot link looks nothing up
      }
      long self = r[0];
      LongArrayList found = new LongArrayList();
      int i = 2;
      int bands = (int) r[i++];
      for (int b = 0; b < bands; b++, i += 2) {
        int f = (int) r[i];
        long key = r[i + 1];
        LongArrayList entries = bandEntries.get(f);
        Map<Long, Set<Long>> keysOf = held.computeIfAbsent(f, x -> {
          Map<Long, Set<Long>> m = new HashMap<>();
          for (int e = 0; e < entries.size(); e += 2) {
            m.computeIfAbsent(entries.get(e), y -> new HashSet<>()).add(entries.get(e + 1));
          }
          return m;
        });
        for (int e = 0; e < entries.size(); e += 2) {
          long o = entries.get(e);
          if (o < self && keysOf.get(o).contains(key)) {
            found.add(o);
          }
        }
      }
      i += 1 + (int) r[i]; // the shingles held
      int asks = (int) r[i++];
      for (int a = 0; a < asks; a++, i++) {
        LongArrayList l = holders.get((int) r[i]);
        if (l == null) {
          continue;
        }
        int before = Arrays.binarySearch(l.buffer, 0, l.size(), self);
        before = before < 0 ? -before - 1 : before;
        found.add(l.buffer, 0, before);
      }
      if (!found.isEmpty()) {
        out.add(new Tuple2<>(self, found.toArray()));
      }
    }
    return out;
  }
}
