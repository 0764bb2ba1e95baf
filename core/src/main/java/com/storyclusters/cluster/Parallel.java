package com.storyclusters.cluster;

import java.util.function.IntConsumer;

/**
 * Runs tasks {@code 0..n-1}, maybe in parallel, and returns when all are done (rethrowing a
 * task's exception). The stages here use it for work split into independent parts whose results
 * do not depend on how the parts are run: shards of a map, rows of a table.
 */
public interface Parallel {
  /** One thread, in order: the tasks of a caller with no workers. */
  Parallel SERIAL = (n, task) -> {
    for (int i = 0; i < n; i++) {
      task.accept(i);
    }
  };

  void run(int n, IntConsumer task);

  /**
   * Work of fewer steps than this (a shingle counted, a key posted: some nanoseconds each) costs
   * less done in the caller's thread than handed to others and waited for.
   */
  long MIN_PARALLEL_STEPS = 1 << 14;

  /** This, or {@link #SERIAL} for work of fewer than {@link #MIN_PARALLEL_STEPS} steps. */
  default Parallel forSteps(long steps) {
    return steps < MIN_PARALLEL_STEPS ? SERIAL : this;
  }
}
