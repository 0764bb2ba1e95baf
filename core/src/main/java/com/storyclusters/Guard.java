package com.storyclusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The facade's lock and open state, and the one way work reaches the pipeline: every change and
 * every read of the index runs under the lock once checked open, and an I/O failure leaves as a
 * {@link StoryClustersException} naming the index. Also the batch driver: articles are prepared on
 * worker threads, then assigned (or recorded) in input order under the lock. Thread-safe;
 * internal.
 */
final class Guard {
  private final Pipeline pipeline;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();

  Guard(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Work on the index under the lock. */
  interface Work<T> {
    T run() throws IOException;
  }

  /** Assigns (or records) prepared articles from {@code from} on; returns where to go on. */
  interface Step {
    int run(com.storyclusters.fingerprint.Prepared[] p, int from, List<Assignment> out,
        Workers workers) throws IOException;
  }

  /** Runs {@code work} under the lock once open; an I/O failure names the index. */
  <T> T locked(Work<T> work) {
    lock.lock();
    try {
      checkOpen();
      return work.run();
    } catch (IOException e) {
      throw StoryClustersException.of(pipeline.store.path(), e);
    } catch (UncheckedIOException e) {
      throw StoryClustersException.of(pipeline.store.path(), e.getCause());
    } finally {
      lock.unlock();
    }
  }

  /** Prepares the articles on {@code threads} threads, then runs {@code step} under the lock. */
  List<Assignment> inOrder(List<Article> articles, int threads, Step step) {
    checkWritable();
    List<Article> copy = List.copyOf(articles);
    try (Workers workers = new Workers(Math.min(threads, copy.size()))) {
      var prepared = new com.storyclusters.fingerprint.Prepared[copy.size()];
      workers.run(prepared.length, i -> prepared[i] = pipeline.prepare(copy.get(i)));
      List<Assignment> out = new ArrayList<>(prepared.length);
      for (int i = 0; i < prepared.length; ) {
        int from = i;
        i = locked(() -> step.run(prepared, from, out, workers));
      }
      return out;
    }
  }

  /** Refuses a change of an index opened read-only (and use after close). */
  void checkWritable() {
    checkOpen();
    if (pipeline.store.readOnly()) {
      throw new StoryClustersException("index at " + pipeline.store.path()
          + " is opened read-only: adds, removes and commits are refused");
    }
  }

  void checkOpen() {
    if (closed.get()) {
      throw new StoryClustersException("this StoryClusters is closed");
    }
  }

  /** Commits (unless read-only) and releases the index, once; later calls do nothing. */
  void close() {
    lock.lock();
    try {
      if (closed.compareAndSet(false, true)) {
        try {
          if (!pipeline.store.readOnly()) {
            pipeline.commit();
          }
        } finally {
          pipeline.close();
        }
      }
    } catch (IOException e) {
      throw StoryClustersException.of(pipeline.store.path(), e);
    } finally {
      lock.unlock();
    }
  }
}
