package com.storyclusters;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The threads of one {@link StoryClusters#addAll} call: runs {@code task(i)} for every index, in
 * parallel when it has more than one thread, in the caller's thread otherwise. Close it to stop
 * its threads. Used by one caller at a time.
 */
final class Workers implements AutoCloseable, com.storyclusters.cluster.Parallel {
  private final ForkJoinPool pool;

  Workers(int threads) {
    this.pool = threads > 1 ? new ForkJoinPool(threads, Worker::new, null, false) : null;
  }

  /** A worker thread with its own scratch arrays, read from a field (no thread-local map). */
  private static final class Worker extends ForkJoinWorkerThread
      implements com.storyclusters.cluster.Scratch.Holder {
    private final com.storyclusters.cluster.Scratch scratch =
        new com.storyclusters.cluster.Scratch();

    Worker(ForkJoinPool pool) {
      super(pool);
    }

    @Override
    public com.storyclusters.cluster.Scratch scratch() {
      return scratch;
    }
  }

  /** Runs {@code task} for 0..n-1 and waits; rethrows a task's exception. */
  @Override
  public void run(int n, IntConsumer task) {
    if (pool == null || n < 2) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryClustersException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new StoryClustersException("a worker failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
