package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The assigner's counting steps give what one pass in input order gives. */
@org.junit.jupiter.api.Tag("property")
class AssignerTest {
  /**
   * The recent counts, taken per half of the hash space on two threads, are those of one pass in
   * input order: for each shingle of each set, the pending count plus the earlier sets holding it.
   */
  @Test
  void recentCountsInHalvesEqualOnePassInOrder() {
    ForkJoinPool pool = new ForkJoinPool(2);
    Parallel two = new Parallel() { // two threads, however small the work
      @Override
      public void run(int n, java.util.function.IntConsumer task) {
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).join();
      }

      @Override
      public Parallel forSteps(long steps) {
        return this;
      }
    };
    try {
      com.storyclusters.Props.qt().withExamples(300).forAll(longs().all(),
          integers().between(0, 40)).checkAssert((seed, articles) -> {
            Random r = new Random(seed);
            int vocabulary = 1 + r.nextInt(2000);
            int[] words = r.ints(vocabulary).toArray(); // both signs
            int[][] sets = new int[articles][];
            for (int k = 0; k < articles; k++) {
              sets[k] = r.ints(r.nextInt(300), 0, vocabulary).map(i -> words[i]).sorted()
                  .distinct().toArray();
            }
            Map<Integer, Integer> pending = new HashMap<>();
            for (int w : words) {
              if (r.nextInt(3) == 0) {
                pending.put(w, 1 + r.nextInt(5));
              }
            }
            Map<Integer, Integer> seen = new HashMap<>();
            int[][] expected = new int[articles][];
            for (int k = 0; k < articles; k++) {
              expected[k] = new int[sets[k].length];
              for (int i = 0; i < sets[k].length; i++) {
                int h = sets[k][i];
                expected[k][i] = pending.getOrDefault(h, 0) + seen.getOrDefault(h, 0);
              }
              for (int h : sets[k]) {
                seen.merge(h, 1, Integer::sum);
              }
            }
            for (Parallel p : new Parallel[] {Parallel.SERIAL, two}) {
              int[][] got = Assigner.recentCounts(sets, h -> pending.getOrDefault(h, 0), p);
              for (int k = 0; k < articles; k++) {
                assertArrayEquals(expected[k], got[k], "article " + k);
              }
            }
          });
    } finally {
      pool.shutdown();
    }
  }
}
