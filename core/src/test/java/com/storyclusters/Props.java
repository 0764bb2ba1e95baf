package com.storyclusters;

import org.quicktheories.QuickTheory;

/**
 * The seed of the property tests: fixed by default; {@code -Dstoryclusters.seed=random} draws one
 * (and prints it) and {@code -Dstoryclusters.seed=N} replays one. {@code mvn verify} runs every
 * class tagged {@code property} with both (core's pom: the {@code properties-random-seed}
 * execution): a class that calls {@link #qt} carries that tag.
 */
public final class Props {
  /** The seed CI runs. */
  public static final long FIXED_SEED = 20261203L;

  private Props() {}

  /** QuickTheories with the suite's seed. */
  public static QuickTheory qt() {
    String s = System.getProperty("storyclusters.seed");
    long seed = s == null ? FIXED_SEED : s.equals("random") ? System.nanoTime() : Long.parseLong(s);
    if (s != null) {
      System.out.println("property seed: " + seed + " (replay with -Dstoryclusters.seed=" + seed
          + ")");
    }
    return QuickTheory.qt().withFixedSeed(seed);
  }
}
