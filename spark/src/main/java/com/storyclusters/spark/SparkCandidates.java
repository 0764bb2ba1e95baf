package com.storyclusters.spark;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import com.storyclusters.Settings;
import com.storyclusters.batch.BatchSteps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The candidates of {@link SparkPlan}: for each article, the earlier articles with a hit (one per
 * anchor held, as the candidate index counts), ranked by {@link BatchSteps#top}. Keys are spread
 * over buckets; an article sends one packed record per bucket (the shingles it is found by ({@link
 * BatchSteps#heldKeys}) there, the anchors it asks), and each bucket finds its hits with an index
 * built once, as {@link PrefixCounts} counts.
 * Stateless.
 */
final class SparkCandidates {
  private SparkCandidates() {}

  /**
   * An article's keys in one bucket, packed: {@code [position, canLink, holds, shingle x holds,
   * asks, anchor x asks]}.
   */
  private static List<Tuple2<Integer, long[]>> packed(BatchSteps steps, int buckets,
      long position, SparkPlan.Own own) {
    LongArrayList[] holds = new LongArrayList[buckets];
    LongArrayList[] asks = new LongArrayList[buckets];
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
      if (holds[b] == null && asks[b] == null) {
        continue;
      }
      LongArrayList p = new LongArrayList();
      p.add(position, own.canLink() ? 1 : 0);
      for (LongArrayList l : new LongArrayList[] {holds[b], asks[b]}) {
        int n = l == null ? 0 : l.size();
        p.add(n);
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
   * @param largestHolderGroup receives each bucket's largest group of holders (the number of
   *     articles found by one shingle) when the result is computed
   */
  static JavaPairRDD<Long, List<Long>> top(Broadcast<Settings> bs, int buckets,
      Broadcast<String[]> names, JavaPairRDD<Long, SparkPlan.Own> own,
      org.apache.spark.util.CollectionAccumulator<Long> largestHolderGroup) {
    JavaPairRDD<Integer, long[]> keys = JavaPairRDD.fromJavaRDD(own.flatMap(
        t -> packed(SparkPlan.steps(bs.value()), buckets, t._1(), t._2()).iterator()));
    JavaPairRDD<Long, long[]> hits = keys.partitionBy(new PrefixCounts.Buckets(buckets))
        .mapPartitionsToPair(it -> {
          List<long[]> records = new ArrayList<>();
          it.forEachRemaining(t -> records.add(t._2()));
          long[] largest = new long[1];
          List<Tuple2<Long, long[]>> found = bucketHits(records, largest);
          largestHolderGroup.add(largest[0]);
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
   * One bucket's hits: for each asking article, the earlier articles that hold one of its anchors
   * (a hit per anchor held); and in {@code largestHolderGroup[0]}, the most holders of one
   * shingle.
   */
  private static List<Tuple2<Long, long[]>> bucketHits(List<long[]> records,
      long[] largestHolderGroup) {
    IntObjectHashMap<LongArrayList> holders = new IntObjectHashMap<>(); // shingle -> holders
    for (long[] r : records) {
      int i = 2;
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
    for (com.carrotsearch.hppc.cursors.IntObjectCursor<LongArrayList> c : holders) {
      Arrays.sort(c.value.buffer, 0, c.value.size());
      largest = Math.max(largest, c.value.size());
    }
    largestHolderGroup[0] = largest;
    List<Tuple2<Long, long[]>> out = new ArrayList<>();
    for (long[] r : records) {
      if (r[1] == 0) {
        continue; // an article that cannot link looks nothing up
      }
      long self = r[0];
      LongArrayList found = new LongArrayList();
      int i = 2;
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
