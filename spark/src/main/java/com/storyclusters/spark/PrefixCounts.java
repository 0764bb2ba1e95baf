package com.storyclusters.spark;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.storyclusters.text.Tokenizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Counting by input position, the one join the batch plan's statistics need: each article adds
 * some keys at its position, and each question asks how many adds of a key fall in a range of
 * positions {@code [from, to)}. Keys are spread over buckets; in each bucket a key's add positions
 * are sorted once and every question is a binary search. A request carries an article's adds and
 * questions for one bucket, so an article makes at most one request per bucket rather than one row
 * per key. Stateless.
 */
final class PrefixCounts {
  private PrefixCounts() {}

  /**
   * One owner's questions in one bucket: how many adds of each key fall in {@code [from, to)}.
   *
   * @param owner whose answers these are (an article's position, or a pair's id)
   * @param asks the keys asked about
   * @param slots each key's place in the owner's answer
   */
  record Request(long owner, long from, long to, long[] asks, int[] slots)
      implements Serializable {}

  /** Answers to one owner's questions in one bucket. */
  record Answers(int[] slots, int[] counts) implements Serializable {}

  static int bucket(long key, int buckets) {
    return (int) Math.floorMod(Tokenizer.fmix64(key), (long) buckets);
  }

  /** An article's adds at {@code position}, by bucket: {@code [position, key, key...]}. */
  static List<Tuple2<Integer, long[]>> adds(int buckets, long position, long[] keys) {
    int[] count = new int[buckets];
    int[] at = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      count[at[i] = bucket(keys[i], buckets)]++;
    }
    long[][] by = new long[buckets][];
    List<Tuple2<Integer, long[]>> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (count[b] > 0) {
        by[b] = new long[count[b] + 1];
        by[b][0] = position;
        count[b] = 1;
        out.add(new Tuple2<>(b, by[b]));
      }
    }
    for (int i = 0; i < keys.length; i++) {
      by[at[i]][count[at[i]]++] = keys[i];
    }
    return out;
  }

  /** An owner's questions about {@code keys} over {@code [from, to)}, by bucket. */
  static List<Tuple2<Integer, Request>> asks(int buckets, long owner, long from, long to,
      long[] keys, int[] slots) {
    int[] count = new int[buckets];
    int[] at = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      count[at[i] = bucket(keys[i], buckets)]++;
    }
    long[][] k = new long[buckets][];
    int[][] sl = new int[buckets][];
    List<Tuple2<Integer, Request>> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (count[b] > 0) {
        k[b] = new long[count[b]];
        sl[b] = new int[count[b]];
        out.add(new Tuple2<>(b, new Request(owner, from, to, k[b], sl[b])));
        count[b] = 0;
      }
    }
    for (int i = 0; i < keys.length; i++) {
      int b = at[i];
      k[b][count[b]] = keys[i];
      sl[b][count[b]++] = slots[i];
    }
    return out;
  }

  /** Each bucket's keys and their add positions, sorted: built once, asked many times. */
  static final class Index {
    final LongObjectHashMap<long[]> positions = new LongObjectHashMap<>();
  }

  /** The adds indexed, one {@link Index} per bucket (partition); kept in memory by the caller. */
  static JavaRDD<Index> index(JavaRDD<Tuple2<Integer, long[]>> adds, int buckets) {
    return JavaPairRDD.fromJavaRDD(adds).partitionBy(new Buckets(buckets)).mapPartitions(it -> {
      List<long[]> all = new ArrayList<>();
      com.carrotsearch.hppc.LongIntHashMap sizes = new com.carrotsearch.hppc.LongIntHashMap();
      it.forEachRemaining(t -> {
        all.add(t._2());
        for (int i = 1; i < t._2().length; i++) {
          sizes.addTo(t._2()[i], 1);
        }
      });
      Index index = new Index();
      com.carrotsearch.hppc.LongIntHashMap filled = new com.carrotsearch.hppc.LongIntHashMap();
      for (long[] a : all) {
        for (int i = 1; i < a.length; i++) {
          long k = a[i];
          long[] p = index.positions.get(k);
          if (p == null) {
            index.positions.put(k, p = new long[sizes.get(k)]);
          }
          p[filled.addTo(k, 1) - 1] = a[0];
        }
      }
      for (com.carrotsearch.hppc.cursors.LongObjectCursor<long[]> c : index.positions) {
        Arrays.sort(c.value);
      }
      return List.of(index).iterator();
    });
  }

  /** Every question answered against the index: the owners' answers, one entry per bucket. */
  static JavaPairRDD<Long, Answers> answer(JavaRDD<Index> index,
      JavaRDD<Tuple2<Integer, Request>> requests, int buckets) {
    JavaRDD<Request> asked = JavaPairRDD.fromJavaRDD(requests).partitionBy(new Buckets(buckets))
        .values();
    return JavaPairRDD.fromJavaRDD(index.zipPartitions(asked, (indexes, rs) -> {
      Index idx = indexes.hasNext() ? indexes.next() : new Index();
      List<Tuple2<Long, Answers>> out = new ArrayList<>();
      rs.forEachRemaining(r -> {
        int[] counts = new int[r.asks().length];
        for (int i = 0; i < counts.length; i++) {
          long[] p = idx.positions.get(r.asks()[i]);
          counts[i] = p == null ? 0 : before(p, r.to()) - before(p, r.from());
        }
        out.add(new Tuple2<>(r.owner(), new Answers(r.slots(), counts)));
      });
      return out.iterator();
    }));
  }

  /** Bucket {@code b} in partition {@code b}. */
  static final class Buckets extends org.apache.spark.Partitioner {
    private static final long serialVersionUID = 1L;
    private final int buckets;

    Buckets(int buckets) {
      this.buckets = buckets;
    }

    @Override
    public int numPartitions() {
      return buckets;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Buckets b && b.buckets == buckets;
    }

    @Override
    public int hashCode() {
      return buckets;
    }
  }

  /**
   * The values of each key, gathered in the partition the key hashes to: a {@code groupByKey}
   * without Spark's size estimates of every group (costly for many small arrays).
   */
  static <K, V> JavaPairRDD<K, List<V>> group(JavaPairRDD<K, V> pairs, int partitions) {
    return pairs.partitionBy(new org.apache.spark.HashPartitioner(partitions))
        .mapPartitionsToPair(it -> {
          java.util.Map<K, List<V>> groups = new java.util.HashMap<>();
          it.forEachRemaining(t -> groups.computeIfAbsent(t._1(), k -> new ArrayList<>())
              .add(t._2()));
          List<Tuple2<K, List<V>>> out = new ArrayList<>(groups.size());
          groups.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
          return out.iterator();
        });
  }

  /** How many of the sorted positions are below {@code bound}. */
  private static int before(long[] sorted, long bound) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** An owner's answers gathered into one array of {@code size} slots (unasked: 0). */
  static int[] gather(Iterator<Answers> answers, int size) {
    int[] out = new int[size];
    while (answers.hasNext()) {
      Answers a = answers.next();
      for (int i = 0; i < a.slots().length; i++) {
        out[a.slots()[i]] = a.counts()[i];
      }
    }
    return out;
  }
}
