package com.storyclusters.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.minhash.MinHasher;
import com.storyclusters.minhash.Signature;
import org.junit.jupiter.api.Test;

class LshPlanTest {
  @Test
  void planPutsTheSteepPartOfTheCurveAtTheThreshold() {
    for (double t : new double[] {0.3, 0.5, 0.8}) {
      LshPlan p = LshPlan.plan(t, 128, 0.5, 0.5);
      assertTrue(p.bands() * p.rows() <= 128);
      assertTrue(p.candidateProbability(t - 0.2) < 0.5, p + " at " + t);
      assertTrue(p.candidateProbability(Math.min(1, t + 0.2)) > 0.5, p + " at " + t);
    }
  }

  @Test
  void sCurveIsMonotone() {
    double[] c = LshPlan.plan(0.5, 128, 0.5, 0.5).sCurve(21);
    assertEquals(0, c[0], 1e-12);
    assertEquals(1, c[20], 1e-12);
    for (int i = 1; i < c.length; i++) {
      assertTrue(c[i] >= c[i - 1]);
    }
  }

  @Test
  void identicalSignaturesShareEveryBand() {
    LshPlan p = new LshPlan(16, 8);
    MinHasher h = new MinHasher(128, 1, MinHasher.Scheme.ONE_PERMUTATION);
    Signature a = h.signature(new long[] {1, 2, 3, 4}, 4, 4);
    long[] k1 = p.bandKeys(a);
    long[] k2 = p.bandKeys(h.signature(new long[] {4, 3, 2, 1}, 4, 4));
    assertEquals(16, k1.length);
    for (int i = 0; i < 16; i++) {
      assertEquals(k1[i], k2[i]);
      assertEquals(i, (int) (k1[i] >>> 56), "band number in the top byte");
    }
    assertEquals(0, p.bandKeys(h.signature(new long[0], 0, 0)).length);
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LshPlan.plan(1.5, 128, 0.5, 0.5));
    assertEquals("threshold must be in (0, 1), got 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LshPlan(0, 4));
  }
}
