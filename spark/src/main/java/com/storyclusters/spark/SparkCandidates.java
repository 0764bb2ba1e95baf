package com.storyclusters.spark;

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
 * ranked by {@link BatchSteps#top}. Stateless.
 */
final class SparkCandidates {
  private SparkCandidates() {}

  private static int folded(long key) {
    return (int) (key ^ (key >>> 32));
  }

  /** Each article's candidates, in rank order ({@link BatchSteps#top}), by position. */
  static JavaPairRDD<Long, List<Long>> top(Broadcast<Settings> bs, int buckets,
      Broadcast<String[]> names, JavaPairRDD<Long, SparkPlan.Own> own, long[] largestBandGroup) {
    // a hit per band key shared, per occurrence, with any earlier article holding it
    JavaPairRDD<Integer, long[]> bands = own.flatMapToPair(t -> {
      List<Tuple2<Integer, long[]>> out = new ArrayList<>();
      for (long key : t._2().fp().bandKeys()) {
        out.add(new Tuple2<>(folded(key), new long[] {t._1(), key, t._2().canLink() ? 1 : 0}));
      }
      return out.iterator();
    });
    JavaPairRDD<Integer, List<long[]>> bandGroups = PrefixCounts.group(bands, buckets);
    largestBandGroup[0] = bandGroups.map(g -> {
      long n = 0;
      for (long[] ignored : g._2()) {
        n++;
      }
      return n;
    }).fold(0L, Math::max);
    // each hit list: the earlier articles an article finds by one of its keys
    JavaPairRDD<Long, long[]> bandHits = bandGroups.flatMapToPair(g -> {
      List<long[]> entries = new ArrayList<>();
      g._2().forEach(entries::add);
      entries.sort((x, y) -> Long.compare(x[0], y[0]));
      Map<Long, Set<Long>> held = new HashMap<>(); // each article's keys in this group
      for (long[] e : entries) {
        held.computeIfAbsent(e[0], x -> new HashSet<>()).add(e[1]);
      }
      List<Tuple2<Long, long[]>> out = new ArrayList<>();
      for (long[] e : entries) {
        if (e[2] == 0) {
          continue; // an article that cannot link looks nothing up
        }
        com.carrotsearch.hppc.LongArrayList found = new com.carrotsearch.hppc.LongArrayList();
        for (long[] o : entries) {
          if (o[0] >= e[0]) {
            break;
          }
          if (held.get(o[0]).contains(e[1])) {
            found.add(o[0]);
          }
        }
        if (!found.isEmpty()) {
          out.add(new Tuple2<>(e[0], found.toArray()));
        }
      }
      return out.iterator();
    });
    // a hit per anchor an earlier article holds
    JavaPairRDD<Integer, long[]> anchorKeys = own.flatMapToPair(t -> {
      List<Tuple2<Integer, long[]>> out = new ArrayList<>();
      if (t._2().canLink()) {
        for (int a : t._2().anchors()) {
          out.add(new Tuple2<>(a, new long[] {t._1(), 1}));
        }
      }
      for (int h : t._2().fp().set()) {
        if (BatchSteps.lookedUpBy(h)) {
          out.add(new Tuple2<>(h, new long[] {t._1(), 0}));
        }
      }
      return out.iterator();
    });
    JavaPairRDD<Long, long[]> anchorHits = PrefixCounts.group(anchorKeys, buckets)
        .flatMapToPair(g -> {
      com.carrotsearch.hppc.LongArrayList holders = new com.carrotsearch.hppc.LongArrayList();
      com.carrotsearch.hppc.LongArrayList askers = new com.carrotsearch.hppc.LongArrayList();
      for (long[] e : g._2()) {
        (e[1] == 1 ? askers : holders).add(e[0]);
      }
      List<Tuple2<Long, long[]>> out = new ArrayList<>();
      if (askers.isEmpty()) {
        return out.iterator();
      }
      long[] sorted = holders.toArray();
      Arrays.sort(sorted);
      for (int a = 0; a < askers.size(); a++) {
        long i = askers.get(a);
        int before = Arrays.binarySearch(sorted, i);
        before = before < 0 ? -before - 1 : before;
        if (before > 0) {
          out.add(new Tuple2<>(i, Arrays.copyOf(sorted, before)));
        }
      }
      return out.iterator();
    });
    return PrefixCounts.group(bandHits.union(anchorHits), buckets).mapValues(lists -> {
      com.carrotsearch.hppc.LongIntHashMap hits = new com.carrotsearch.hppc.LongIntHashMap();
      for (long[] l : lists) {
        for (long j : l) {
          hits.addTo(j, 1);
        }
      }
      long[] js = new long[hits.size()];
      String[] ids = new String[js.length];
      int[] counts = new int[js.length];
      int k = 0;
      for (com.carrotsearch.hppc.cursors.LongIntCursor c : hits) {
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
}
