package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** The epoch schedule: what the statistics of every article depend on. */
@org.junit.jupiter.api.Tag("property")
class EpochsTest {
  @Test
  void everyPositionUpToExactIsItsOwnEpoch() {
    for (long p = 0; p <= Epochs.EXACT; p++) {
      assertTrue(Epochs.isBoundary(p), "position " + p);
      assertEquals(p, Epochs.start(p));
    }
    assertEquals(Epochs.EXACT + 128, Epochs.nextBoundary(Epochs.EXACT));
  }

  /**
   * nextBoundary is the first boundary after p, start the last at or before it, and an epoch is
   * never longer than MAX_LENGTH nor than an eighth of the positions before it (past EXACT).
   */
  @Test
  void boundariesAreConsistent() {
    com.storyclusters.Props.qt().withExamples(2000).forAll(longs().between(0, 1L << 40)).checkAssert(p -> {
      long next = Epochs.nextBoundary(p);
      long start = Epochs.start(p);
      assertTrue(next > p && Epochs.isBoundary(next));
      assertTrue(start <= p && Epochs.isBoundary(start));
      assertTrue(next - start <= Epochs.MAX_LENGTH, p + ": " + start + ".." + next);
      assertTrue(p < Epochs.EXACT || (next - start) * 8 <= start, p + ": " + start + ".." + next);
      // nothing in between is a boundary (checked exhaustively for short epochs)
      for (long q = start + 1; q < next && next - start <= Epochs.MAX_LENGTH; q++) {
        assertTrue(!Epochs.isBoundary(q), "boundary inside " + start + ".." + next + ": " + q);
      }
    });
  }
}
