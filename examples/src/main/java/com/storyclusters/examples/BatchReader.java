package com.storyclusters.examples;

import com.storyclusters.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and parses an input ({@link ArticleReader}) into batches on its own thread, at most two
 * batches ahead of the caller, so that parsing overlaps clustering and memory holds at most four
 * batches (two queued, one filling, one the caller's) whatever the size of the input. Bad lines
 * and warnings go to the given sink's {@code bad} and {@code warning}, on the reader's thread;
 * when {@code bad} returns false, reading stops and the batch holding the bad line is not handed
 * on. When asked for, each article's {@link InputCheckpoint} hash is taken on the reader's thread
 * too, in input order (hashing every article's text is work the adding thread would otherwise do
 * between its batches). One consumer; close it when done (it stops the reader, quietly).
 */
final class BatchReader implements AutoCloseable {
  /**
   * Articles in input order and, for each, the {@link InputCheckpoint#hash()} of the input up to
   * it and with it (for {@link InputCheckpoint#added(long)}; 0 when the reader was not asked for
   * them). The arrays are not written after they are handed on.
   */
  record Batch(List<Article> articles, long[] checkpoints) {}

  private static final Batch END = new Batch(List.of(), new long[0]);

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean closed;

  /** Reads an input's articles into a sink, in input order (say, {@link ArticleReader#read}). */
  @FunctionalInterface
  interface Input {
    void read(Jsonl.Sink<Article> sink) throws IOException;
  }

  BatchReader(Input input, int batchSize, Jsonl.Sink<Article> lines) {
    this(input, batchSize, lines, true);
  }

  /**
   * @param checkpoints whether to take each article's checkpoint hash (a run with no index to
   *     commit it to needs none)
   */
  BatchReader(Input input, int batchSize, Jsonl.Sink<Article> lines, boolean checkpoints) {
    thread = new Thread(() -> {
      try {
        boolean[] stopped = {false};
        InputCheckpoint chain = new InputCheckpoint();
        Batch[] current = {new Batch(new ArrayList<>(batchSize), new long[batchSize])};
        input.read(new Jsonl.Sink<Article>() {
          @Override
          public void accept(Article article) {
            Batch batch = current[0];
            if (checkpoints) {
              chain.add(article);
              batch.checkpoints[batch.articles.size()] = chain.hash();
            }
            batch.articles.add(article);
            if (batch.articles.size() == batchSize) {
              hand(batch);
              current[0] = new Batch(new ArrayList<>(batchSize), new long[batchSize]);
            }
          }

          @Override
          public boolean bad(Jsonl.BadLineException e) {
            stopped[0] = !lines.bad(e);
            return !stopped[0];
          }

          @Override
          public void warning(String message) {
            lines.warning(message);
          }
        });
        if (!stopped[0] && !current[0].articles.isEmpty()) {
          hand(current[0]);
        }
      } catch (IOException | RuntimeException | Error e) {
        if (!closed) {
          failure = e;
        }
      } finally {
        try {
          hand(END);
        } catch (UncheckedIOException consumerGone) {
          // closed: no one waits for the end
        }
      }
    }, "storyclusters-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a batch; throws once the consumer has closed this reader (ending the reading). */
  private void hand(Batch batch) {
    try {
      while (!closed) {
        if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new UncheckedIOException(new IOException("reading stopped"));
  }

  /**
   * The next batch in input order, or null after the last.
   *
   * @throws IOException if reading failed (the input could not be read)
   */
  Batch next() throws IOException {
    Batch batch;
    try {
      batch = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (batch != END) {
      return batch;
    }
    Throwable f = failure;
    if (f instanceof IOException io) {
      throw io;
    } else if (f instanceof RuntimeException re) {
      throw re;
    } else if (f instanceof Error err) {
      throw err;
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
