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
}
