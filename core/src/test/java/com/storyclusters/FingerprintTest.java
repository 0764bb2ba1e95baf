package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.storyclusters.minhash.MinHasher;
import com.storyclusters.minhash.Signature;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the index stores of a fingerprint estimates what the full fingerprint does. */
class FingerprintTest {
  private final MinHasher hasher = new MinHasher(128, 7, MinHasher.Scheme.ONE_PERMUTATION);

  @Test
  void storedSketchEstimatesJaccardAsTheFullSignatureDoes() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 400),
        integers().between(0, 400)).checkAssert((seed, shared, own) -> {
          Random r = new Random(seed);
          long[] a = new long[shared + own];
          long[] b = new long[shared + r.nextInt(401)];
          for (int i = 0; i < shared; i++) {
            a[i] = b[i] = r.nextLong();
          }
          for (int i = shared; i < a.length; i++) {
            a[i] = r.nextLong();
          }
          for (int i = shared; i < b.length; i++) {
            b[i] = r.nextLong();
          }
          Signature sa = hasher.signature(a, a.length, a.length);
          Signature sb = hasher.signature(b, b.length, b.length);
          assertEquals(sa.jaccard(sb), Fingerprint.sketchJaccard(Fingerprint.sketchOf(sa),
              a.length, Fingerprint.sketchOf(sb), b.length), 1e-12);
        });
  }

  @Test
  void leadCoversEveryPermittedLeadWindow() {
    for (int length : new int[] {0, 1, 50, 127, 128, 129, 426, 427, 1000, 20_000}) {
      int lead = Fingerprint.leadLength(length);
      assertEquals(Math.min(length, Math.max(128, (int) Math.ceil(0.3 * length))), lead);
      // the widest window the builder allows, max(128, 0.3 * length), fits in the kept lead
      int widest = (int) Math.min(length, Math.max(128, 0.3 * length));
      assertEquals(true, widest <= lead, "length " + length);
    }
  }
}
