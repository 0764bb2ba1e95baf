package com.storyclusters.spark;

import com.carrotsearch.hppc.IntIntHashMap;
import com.storyclusters.Settings;
import com.storyclusters.batch.BatchSteps;
import com.storyclusters.batch.Fingerprinted;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The shingle frequencies each article's decisions read, computed as the library computes them:
 * by a scan in input order over the count-min table ({@link BatchSteps#cell}, {@link
 * BatchSteps#estimate}), one scan per range of positions, the ranges in parallel. A range starts
 * at an epoch boundary ({@link BatchSteps#epochStart}), so each epoch lies in one range and the
 * scan of a range needs only the table at its start: the sum of the earlier ranges' tables,
 * computed shard by shard of the table's cells (a prefix sum per shard, so no machine holds more
 * than its ranges' tables). What crosses the network is two tables per range, whatever the
 * number of articles or pairs. Immutable.
 */
final class EpochTables implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX = 0xFFFF;
  /** Each range's first position, ascending, each an epoch boundary; the first is 0. */
  private final long[] starts;
  private final int size;

  private EpochTables(long[] starts, int bits) {
    this.starts = starts;
    this.size = 1 << bits;
  }

  /**
   * About {@code ranges} ranges over positions {@code [0, n)}, each starting at an epoch
   * boundary.
   */
  static EpochTables plan(long n, int ranges, int bits) {
    long[] starts = new long[Math.max(1, ranges)];
    int k = 0;
    for (int r = 0; r < starts.length; r++) {
      long start = BatchSteps.epochStart(n * r / starts.length);
      if (k == 0 || start > starts[k - 1]) {
        starts[k++] = start;
      }
    }
    return new EpochTables(Arrays.copyOf(starts, k), bits);
  }

  int ranges() {
    return starts.length;
  }

  /** Position (a {@code Long} key) to its range. */
  Partitioner partitioner() {
    return new Ranges(starts);
  }

  /** One range's articles in input order, and the frequency table at its start (null: empty). */
  record Block(char[] row0, char[] row1, List<Fingerprinted> articles)
      implements Serializable {}

  /** The articles grouped into their ranges' blocks, block {@code r} in partition {@code r}. */
  JavaRDD<Block> blocks(JavaPairRDD<Long, Fingerprinted> fps, Broadcast<Settings> bs) {
    JavaPairRDD<Long, Fingerprinted> ranged = fps.repartitionAndSortWithinPartitions(
        partitioner());
    int ranges = starts.length;
    int shards = ranges;
    int cells = size;
    // each range's own table, cut into shards of cells (the last range's is never read)
    JavaPairRDD<Integer, Slice> deltas = JavaPairRDD.fromJavaRDD(ranged.mapPartitionsWithIndex(
        (r, it) -> {
          List<Tuple2<Integer, Slice>> out = new ArrayList<>();
          if (r == ranges - 1) {
            return out.iterator();
          }
          BatchSteps steps = SparkPlan.steps(bs.value());
          char[] row0 = new char[cells];
          char[] row1 = new char[cells];
          it.forEachRemaining(t -> add(steps, row0, row1, t._2().set()));
          for (int s = 0; s < shards; s++) {
            int from = shardStart(s, shards, cells);
            int to = shardStart(s + 1, shards, cells);
            out.add(new Tuple2<>(s, new Slice(r, from, Arrays.copyOfRange(row0, from, to),
                Arrays.copyOfRange(row1, from, to))));
          }
          return out.iterator();
        }, false));
    // per shard, the sum of the ranges before each range
    JavaPairRDD<Integer, Slice> prefixes = deltas.partitionBy(new PrefixCounts.Buckets(shards))
        .mapPartitionsToPair(it -> {
          List<Slice> all = new ArrayList<>();
          it.forEachRemaining(t -> all.add(t._2()));
          all.sort((x, y) -> Integer.compare(x.range(), y.range()));
          List<Tuple2<Integer, Slice>> out = new ArrayList<>();
          if (all.isEmpty()) {
            return out.iterator();
          }
          char[] sum0 = new char[all.get(0).row0().length];
          char[] sum1 = new char[sum0.length];
          for (Slice d : all) {
            addSaturated(sum0, d.row0());
            addSaturated(sum1, d.row1());
            out.add(new Tuple2<>(d.range() + 1, new Slice(d.range() + 1, d.from(),
                sum0.clone(), sum1.clone())));
          }
          return out.iterator();
        });
    JavaRDD<char[][]> tables = prefixes.partitionBy(new PrefixCounts.Buckets(ranges))
        .mapPartitions(it -> {
          char[][] rows = null;
          while (it.hasNext()) {
            Slice s = it.next()._2();
            if (rows == null) {
              rows = new char[][] {new char[cells], new char[cells]};
            }
            System.arraycopy(s.row0(), 0, rows[0], s.from(), s.row0().length);
            System.arraycopy(s.row1(), 0, rows[1], s.from(), s.row1().length);
          }
          List<char[][]> out = new ArrayList<>();
          out.add(rows == null ? new char[2][] : rows);
          return out.iterator();
        });
    return ranged.zipPartitions(tables, (articles, table) -> {
      List<Fingerprinted> in = new ArrayList<>();
      articles.forEachRemaining(t -> in.add(t._2()));
      char[][] rows = table.next();
      return List.of(new Block(rows[0], rows[1], in)).iterator();
    });
  }

  /** A shard of a range's table: cells {@code [from, from + row0.length)} of both rows. */
  record Slice(int range, int from, char[] row0, char[] row1) implements Serializable {}

  private static int shardStart(int s, int shards, int cells) {
    return (int) ((long) cells * s / shards);
  }

  private static void add(BatchSteps steps, char[] row0, char[] row1, int[] set) {
    for (int h : set) {
      int c0 = steps.cell(0, h);
      int c1 = steps.cell(1, h);
      if (row0[c0] != MAX) {
        row0[c0]++;
      }
      if (row1[c1] != MAX) {
        row1[c1]++;
      }
    }
  }

  private static void addSaturated(char[] sum, char[] delta) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] = (char) Math.min(MAX, sum[i] + delta[i]);
    }
  }

  /** The frequencies an article sees (see {@link BatchSteps#query}). */
  interface Frequencies {
    /** Each shingle's estimate at the article's epoch start. */
    int[] frozen(int[] set);

    /** How many articles from the epoch start up to the article hold each shingle. */
    int[] recent(int[] set);
  }

  /** Called for each article of a block in input order, with the frequencies it sees. */
  interface Visitor {
    void visit(Fingerprinted article, Frequencies seen);
  }

  /** Visits a block's articles in input order, each with the statistics of its position. */
  static void scan(Block block, BatchSteps steps, Visitor visitor) {
    List<Fingerprinted> articles = block.articles();
    if (articles.isEmpty()) {
      return;
    }
    int cells = 1 << steps.settings().frequencyBits();
    char[] row0 = block.row0() == null ? new char[cells] : block.row0().clone();
    char[] row1 = block.row1() == null ? new char[cells] : block.row1().clone();
    IntIntHashMap inEpoch = new IntIntHashMap();
    Frequencies seen = new Frequencies() {
      @Override
      public int[] frozen(int[] set) {
        int[] out = new int[set.length];
        for (int k = 0; k < set.length; k++) {
          out[k] = BatchSteps.estimate(row0[steps.cell(0, set[k])], row1[steps.cell(1, set[k])]);
        }
        return out;
      }

      @Override
      public int[] recent(int[] set) {
        int[] out = new int[set.length];
        for (int k = 0; k < set.length; k++) {
          out[k] = inEpoch.get(set[k]);
        }
        return out;
      }
    };
    int epochFrom = 0; // the current epoch's first article in the block
    long epoch = BatchSteps.epochStart(articles.get(0).position());
    for (int i = 0; i < articles.size(); i++) {
      Fingerprinted a = articles.get(i);
      long e = BatchSteps.epochStart(a.position());
      if (e != epoch) {
        for (int j = epochFrom; j < i; j++) {
          add(steps, row0, row1, articles.get(j).set());
        }
        inEpoch.clear();
        epochFrom = i;
        epoch = e;
      }
      visitor.visit(a, seen);
      for (int h : a.set()) {
        inEpoch.addTo(h, 1);
      }
    }
  }

  /** Position {@code p} (a {@code Long}) in range {@code r} when starts[r] <= p < starts[r+1]. */
  static final class Ranges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] starts;

    Ranges(long[] starts) {
      this.starts = starts;
    }

    @Override
    public int numPartitions() {
      return starts.length;
    }

    @Override
    public int getPartition(Object key) {
      int i = Arrays.binarySearch(starts, (Long) key);
      return i >= 0 ? i : -i - 2;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ranges r && Arrays.equals(r.starts, starts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(starts);
    }
  }
}
