package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.storyclusters.boilerplate.LineStatistics;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The counts of a segment's earlier articles, taken on a task per shard of the shingles, are
 * those of one pass in input order, with or without pending adds, on any number of threads.
 */
@org.junit.jupiter.api.Tag("property")
class RecentCountsTest {
  @Test
  void shardedCountsAreTheSequentialOnes() {
    ForkJoinPool pool = new ForkJoinPool(3);
    Parallel parallel = (n, task) -> pool.submit(() -> IntStream.range(0, n).parallel()
        .forEach(task)).join();
    try {
      com.storyclusters.Props.qt().withExamples(300).forAll(longs().all(),
          integers().between(0, 60), integers().between(0, 20)).checkAssert((seed, n, pending) -> {
            Random r = new Random(seed);
            int vocabulary = 1 + r.nextInt(400);
            Statistics stats = new Statistics(new ShingleFrequencies(10), new LineStatistics(), 4097,
                4097); // inside an epoch of 512: the adds below stay pending
            for (int i = 0; i < pending; i++) {
              stats.added("p" + i, set(r, vocabulary), new long[0], Parallel.SERIAL);
            }
            int[][] segment = new int[n][];
            for (int k = 0; k < n; k++) {
              segment[k] = set(r, vocabulary);
            }
            int[][] expected = new int[n][];
            java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
            for (int k = 0; k < n; k++) {
              expected[k] = new int[segment[k].length];
              for (int i = 0; i < segment[k].length; i++) {
                expected[k][i] = stats.pendingCount(segment[k][i])
                    + seen.getOrDefault(segment[k][i], 0);
              }
              for (int h : segment[k]) {
                seen.merge(h, 1, Integer::sum);
              }
            }
            int[][] serial = Assigner.recentCounts(segment, stats, Parallel.SERIAL);
            int[][] sharded = Assigner.recentCounts(segment, stats, parallel);
            for (int k = 0; k < n; k++) {
              assertArrayEquals(expected[k], serial[k], "article " + k);
              assertArrayEquals(expected[k], sharded[k], "article " + k);
            }
          });
    } finally {
      pool.shutdown();
    }
  }

  /** A distinct, sorted set of shingles, negative ones included. */
  private static int[] set(Random r, int vocabulary) {
    int[] values = new int[r.nextInt(50)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (r.nextInt(vocabulary) - vocabulary / 2) * 0x61C88647;
    }
    return Arrays.stream(values).sorted().distinct().toArray();
  }
}
