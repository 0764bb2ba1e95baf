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
   * What one owner (an article, or a pair) adds and asks in one bucket.
   *
   * @param position where the adds happen
   * @param adds keys added at {@code position} (repeats count twice)
   * @param owner whose answers these are
   * @param asks keys asked about, each with its range and its slot in the owner's answer
   */
  record Request(long position, long[] adds, long owner, long[] asks, long[] from, long[] to,
      int[] slots) implements Serializable {}

  /** Answers to one owner's questions in one bucket. */
  record Answers(int[] slots, int[] counts) implements Serializable {}

  static int bucket(long key, int buckets) {
    return (int) Math.floorMod(Tokenizer.fmix64(key), (long) buckets);
  }

  /** Splits an owner's adds and asks by bucket. */
  static List<Tuple2<Integer, Request>> split(int buckets, long position, long[] adds,
      long owner, long[] asks, long[] from, long[] to, int[] slots) {
    int[] addCount = new int[buckets];
    int[] askCount = new int[buckets];
    int[] addBucket = new int[adds.length];
    int[] askBucket = new int[asks.length];
    for (int i = 0; i < adds.length; i++) {
      addCount[addBucket[i] = bucket(adds[i], buckets)]++;
    }
    for (int i = 0; i < asks.length; i++) {
      askCount[askBucket[i] = bucket(asks[i], buckets)]++;
    }
    List<Tuple2<Integer, Request>> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (addCount[b] == 0 && askCount[b] == 0) {
        continue;
      }
      long[] a = new long[addCount[b]];
      long[] q = new long[askCount[b]];
      long[] f = new long[askCount[b]];
      long[] t = new long[askCount[b]];
      int[] s = new int[askCount[b]];
      int n = 0;
      for (int i = 0; i < adds.length; i++) {
        if (addBucket[i] == b) {
          a[n++] = adds[i];
        }
      }
      n = 0;
      for (int i = 0; i < asks.length; i++) {
        if (askBucket[i] == b) {
          q[n] = asks[i];
          f[n] = from[i];
          t[n] = to[i];
          s[n++] = slots[i];
        }
      }
      out.add(new Tuple2<>(b, new Request(position, a, owner, q, f, t, s)));
    }
    return out;
  }

  /** Every question answered: the owners' answers, by owner (one entry per bucket asked). */
  static JavaPairRDD<Long, Answers> answer(JavaRDD<Tuple2<Integer, Request>> requests,
      int buckets) {
    // one bucket per partition, its requests read as they come (no grouping, no size estimates)
    return JavaPairRDD.fromJavaRDD(requests).partitionBy(new Buckets(buckets))
        .mapPartitionsToPair(it -> {
      List<Request> rs = new ArrayList<>();
      it.forEachRemaining(t -> rs.add(t._2()));
      // each key's add positions, sorted
      LongObjectHashMap<long[]> positions = new LongObjectHashMap<>();
      com.carrotsearch.hppc.LongIntHashMap sizes = new com.carrotsearch.hppc.LongIntHashMap();
      for (Request r : rs) {
        for (long k : r.adds()) {
          sizes.addTo(k, 1);
        }
      }
      com.carrotsearch.hppc.LongIntHashMap filled = new com.carrotsearch.hppc.LongIntHashMap();
      for (Request r : rs) {
        for (long k : r.adds()) {
          long[] p = positions.get(k);
          if (p == null) {
            positions.put(k, p = new long[sizes.get(k)]);
          }
          p[filled.addTo(k, 1) - 1] = r.position();
        }
      }
      for (com.carrotsearch.hppc.cursors.LongObjectCursor<long[]> c : positions) {
        Arrays.sort(c.value);
      }
      List<Tuple2<Long, Answers>> out = new ArrayList<>();
      for (Request r : rs) {
        if (r.asks().length == 0) {
          continue;
        }
        int[] counts = new int[r.asks().length];
        for (int i = 0; i < counts.length; i++) {
          long[] p = positions.get(r.asks()[i]);
          counts[i] = p == null ? 0 : before(p, r.to()[i]) - before(p, r.from()[i]);
        }
        out.add(new Tuple2<>(r.owner(), new Answers(r.slots(), counts)));
      }
      return out.iterator();
    });
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
