package com.storyclusters.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.storyclusters.shingle.ShingleSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("property")
class MinHasherTest {
  /** Two random sets with a chosen overlap, drawn from a seed. */
  private static long[][] pair(long seed, int sizeA, int sizeB, int common) {
    Random r = new Random(seed);
    long[] a = new long[sizeA];
    long[] b = new long[sizeB];
    for (int i = 0; i < common; i++) {
      a[i] = b[i] = r.nextLong();
    }
    for (int i = common; i < sizeA; i++) {
      a[i] = r.nextLong();
    }
    for (int i = common; i < sizeB; i++) {
      b[i] = r.nextLong();
    }
    return new long[][] {a, b};
  }

  private static void withinTheory(MinHasher.Scheme scheme) {
    MinHasher h = new MinHasher(128, 7, scheme);
    int trials = 1000;
    int outside = 0;
    Random r = new Random(12345);
    for (int t = 0; t < trials; t++) {
      int sizeA = 20 + r.nextInt(400);
      int sizeB = 20 + r.nextInt(400);
      int common = r.nextInt(Math.min(sizeA, sizeB) + 1);
      long[][] p = pair(r.nextLong(), sizeA, sizeB, common);
      double exact = ShingleSet.of(p[0]).jaccard(ShingleSet.of(p[1]));
      double est = h.signature(p[0], p[0].length, sizeA).jaccard(h.signature(p[1], p[1].length, sizeB));
      double bound = 4 * Math.sqrt(exact * (1 - exact) / 128);
      if (Math.abs(est - exact) > Math.max(bound, 1e-9)) {
        outside++;
      }
    }
    assertTrue(outside <= trials / 100, scheme + ": " + outside + " of " + trials + " outside 4 sigma");
  }

  @Test
  void onePermutationEstimateWithinFourSigmaInNinetyNinePercent() {
    withinTheory(MinHasher.Scheme.ONE_PERMUTATION);
  }

  @Test
  void classicEstimateWithinFourSigmaInNinetyNinePercent() {
    withinTheory(MinHasher.Scheme.CLASSIC);
  }

  @Test
  void estimateIsUnbiasedOnAverage() {
    MinHasher h = new MinHasher(128, 1, MinHasher.Scheme.ONE_PERMUTATION);
    double sum = 0;
    for (int t = 0; t < 300; t++) {
      long[][] p = pair(t, 200, 200, 100); // J = 100/300
      sum += h.signature(p[0], 200, 200).jaccard(h.signature(p[1], 200, 200));
    }
    assertEquals(1.0 / 3, sum / 300, 0.01);
  }

  @Test
  void deterministicAndOrderFree() {
    com.storyclusters.Props.qt().withExamples(200).forAll(longs().all(), integers().between(1, 300)).check((seed, n) -> {
      long[] a = pair(seed, n, 1, 0)[0];
      long[] reversed = new long[n];
      for (int i = 0; i < n; i++) {
        reversed[i] = a[n - 1 - i];
      }
      MinHasher h = new MinHasher(64, seed, MinHasher.Scheme.ONE_PERMUTATION);
      return h.signature(a, n, n).equals(h.signature(reversed, n, n))
          && h.signature(a, n, n).equals(new MinHasher(64, seed, MinHasher.Scheme.ONE_PERMUTATION)
              .signature(a, n, n));
    });
  }

  @Test
  void emptySetsNeverMatch() {
    MinHasher h = new MinHasher(128, 1, MinHasher.Scheme.ONE_PERMUTATION);
    Signature empty = h.signature(new long[0], 0, 0);
    assertTrue(empty.isEmpty());
    assertEquals(0, empty.jaccard(h.signature(new long[0], 0, 0)));
    assertEquals(0, empty.jaccard(h.signature(new long[] {1, 2, 3}, 3, 3)));
  }

  @Test
  void containmentEstimateSeesOneSidedCopies() {
    MinHasher h = new MinHasher(256, 3, MinHasher.Scheme.ONE_PERMUTATION);
    long[][] p = pair(99, 100, 500, 100); // A inside B: containment 1, Jaccard 0.2
    Signature a = h.signature(p[0], 100, 100);
    Signature b = h.signature(p[1], 500, 500);
    Estimate c = a.containmentIn(b, 2);
    assertTrue(c.lower() <= 1 && c.upper() >= 0.7 && c.value() > 0.7, c.toString());
    assertTrue(b.containmentIn(a, 2).value() < 0.35);
  }

  @Test
  void incompatibleSignaturesRefuseToCompare() {
    Signature a = new MinHasher(64, 1, MinHasher.Scheme.ONE_PERMUTATION).signature(new long[] {1}, 1, 1);
    Signature b = new MinHasher(64, 2, MinHasher.Scheme.ONE_PERMUTATION).signature(new long[] {1}, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> a.jaccard(b));
  }

  @Test
  void bytesRoundTrip() {
    MinHasher h = new MinHasher(32, 5, MinHasher.Scheme.CLASSIC);
    Signature s = h.signature(new long[] {4, 5, 6}, 3, 3);
    byte[] bytes = s.toBytes();
    assertEquals(s, Signature.fromBytes(bytes, 0, bytes.length, 3, h));
    assertThrows(IllegalArgumentException.class, () -> Signature.fromBytes(bytes, 0, 8, 3, h));
  }
}
