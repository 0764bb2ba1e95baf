package com.storyclusters.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for {@code serve}: the writes of a short window share one commit. A request thread
 * makes its change (an add, a remove) and then calls {@link #awaitDurable()}, which returns only
 * after a commit that started after the call (and so after the change) has returned. One committer
 * thread collects the waiters of a window ({@code window} after the first one arrives, or at once
 * when {@code maxWaiters} are waiting), commits once and releases them all.
 *
 * <p>Why it is sound: a waiter joins the open round after its change returned; the committer
 * closes the round and only then calls commit, which (under the library's lock) covers every
 * change that returned before it. A failed commit fails every waiter of its round.
 *
 * <p>Thread-safety: {@link #awaitDurable()} is called from any number of threads; {@link #close()}
 * once, when no more waiters come; it commits a round still open.
 */
final class GroupCommit implements AutoCloseable {
  /** What a commit does (the library's {@code commit()}). */
  interface Committer {
    void commit();
  }

  /** The waiters of one commit. */
  private static final class Round {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int waiters;
  }

  private final Committer committer;
  private final long windowNanos;
  private final int maxWaiters;
  private final Thread thread;
  private final AtomicLong commits = new AtomicLong();
  private Round open = new Round();
  private boolean closing;
  private boolean stopped;

  /**
   * Starts the committer thread.
   *
   * @param window how long a round stays open after its first waiter arrives
   * @param maxWaiters a round closes at once when this many wait (the request threads)
   */
  GroupCommit(Committer committer, long window, TimeUnit unit, int maxWaiters) {
    this.committer = committer;
    this.windowNanos = unit.toNanos(window);
    this.maxWaiters = Math.max(1, maxWaiters);
    this.thread = new Thread(this::run, "storyclusters-committer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Waits until a commit covers every change this thread made before the call.
   *
   * @throws CommitFailedException if that commit failed, or the committer was closed
   */
  void awaitDurable() throws CommitFailedException, InterruptedException {
    CompletableFuture<Void> done;
    synchronized (this) {
      if (stopped) {
        throw new CommitFailedException("the index is closing", null);
      }
      open.waiters++;
      done = open.done;
      notifyAll();
    }
    try {
      done.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new CommitFailedException(Failures.describe(e.getCause()), e.getCause());
    }
  }

  /** Commits made so far (for tests: fewer than the writes when they arrive together). */
  long commits() {
    return commits.get();
  }

  private void run() {
    while (true) {
      Round round;
      synchronized (this) {
        try {
          while (open.waiters == 0 && !closing) {
            wait();
          }
          if (open.waiters == 0) {
            stopped = true; // closing and nobody waits: a later waiter is refused
            return;
          }
          long deadline = System.nanoTime() + windowNanos;
          for (long left = windowNanos; left > 0 && open.waiters < maxWaiters && !closing;
              left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
          }
        } catch (InterruptedException e) {
          closing = true; // commit what waits, then stop
        }
        round = open;
        open = new Round();
      }
      try {
        committer.commit();
        commits.incrementAndGet();
        round.done.complete(null);
      } catch (RuntimeException | Error e) {
        round.done.completeExceptionally(e);
      }
    }
  }

  /** Commits a round still open, then stops the committer thread. */
  @Override
  public void close() {
    synchronized (this) {
      closing = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A commit failed (the message is one line), or the committer is closed. */
  static final class CommitFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CommitFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
