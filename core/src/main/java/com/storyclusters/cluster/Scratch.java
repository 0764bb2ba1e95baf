package com.storyclusters.cluster;

/**
 * The arrays one thread reuses across the pairs and look-ups it scores: a {@link SetMerge}, the
 * marks of a lead's ranks, the candidate index's hit counters. A worker thread that implements
 * {@link Holder} carries its own, read from a field; any other thread gets one from a {@link
 * ThreadLocal}: the probes of the workers' thread-local maps ({@code
 * ThreadLocalMap.getEntryAfterMiss}) took about 4% of a 100,000-article ScaleHarness run's JFR
 * samples, a look-up per scored pair and per query.
 * An instance belongs to one thread; not thread-safe. Internal.
 */
public final class Scratch {
  final SetMerge merge = new SetMerge();
  boolean[] rankMarks = new boolean[1024];
  final int[][] hits = {new int[1024], new int[1024], new int[256]};

  /** A thread that carries its own scratch (the facade's workers). */
  public interface Holder {
    Scratch scratch();
  }

  private static final ThreadLocal<Scratch> OTHERS = ThreadLocal.withInitial(Scratch::new);

  /** The calling thread's scratch. */
  static Scratch current() {
    return Thread.currentThread() instanceof Holder h ? h.scratch() : OTHERS.get();
  }
}
