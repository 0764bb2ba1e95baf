package com.storyclusters.index;

import com.storyclusters.cluster.Epochs;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * The changes a {@link LuceneStore} hands to Lucene, applied in order on one background thread, so
 * that Lucene's indexing overlaps the caller's work. Its first failure is kept and reported by
 * every later {@link #submit} and {@link #drain}; the changes after it are not applied.
 *
 * <p>The queue is bounded in units: a change weighs one, and one more per {@link #UNIT_CHARS}
 * chars (16 KiB) of what its document holds ({@link #weight}: stored strings, set, line keys).
 * {@link #MAX_PENDING} units are two batch segments of ordinary articles (a segment is at most
 * {@link Epochs#MAX_LENGTH} articles), so that the indexer works through one segment's documents
 * while the next is scored, instead of the writer waiting for it in its sequential step; so the
 * changes waiting hold about 32 MiB at most, but for one change heavier than that, which waits
 * until the queue is empty and then goes alone. For one writing thread at a time (the facade's
 * lock); internal.
 */
final class IndexQueue {
  static final int MAX_PENDING = 2 * (int) Epochs.MAX_LENGTH;
  private static final int UNIT_CHARS = 8192;

  private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "storyclusters-indexer");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore pending = new Semaphore(MAX_PENDING);
  /** The first failure of the background indexer. */
  private volatile IOException failure;

  /** The weight of a change whose document holds about {@code chars} chars (two bytes each). */
  static int weight(long chars) {
    return (int) Math.min(MAX_PENDING, 1 + chars / UNIT_CHARS);
  }

  /** Queues a change of {@code weight} behind the earlier ones, once there is room. */
  void submit(LuceneStore.IndexAction action, int weight) throws IOException {
    check();
    pending.acquireUninterruptibly(weight);
    try {
      indexer.execute(() -> {
        try {
          if (failure == null) {
            action.run();
          }
        } catch (IOException e) {
          failure = e;
        } catch (RuntimeException | Error e) {
          failure = new IOException("indexing failed: " + e, e);
        } finally {
          pending.release(weight);
        }
      });
    } catch (RejectedExecutionException e) {
      pending.release(weight);
      throw new IOException("the index writer is closed", e);
    }
  }

  /** Waits until every queued change is applied; throws the first failure. */
  void drain() throws IOException {
    await();
    check();
  }

  /** Waits until every queued change is applied. */
  private void await() {
    pending.acquireUninterruptibly(MAX_PENDING);
    pending.release(MAX_PENDING);
  }

  /** Throws the first failure, if any. */
  void check() throws IOException {
    IOException f = failure;
    if (f != null) {
      throw new IOException("an earlier add or delete failed in the background: "
          + f.getMessage(), f);
    }
  }

  /** Accepts no more changes; those queued still run. */
  void shutdown() {
    indexer.shutdown();
  }

  /** {@link #shutdown}, then waits until the queued changes have run (their failure is dropped). */
  void shutdownAndWait() {
    indexer.shutdown();
    await();
  }
}
