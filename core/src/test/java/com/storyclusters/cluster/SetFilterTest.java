package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A set's filter holds every value of the set, and rules out most others. */
@org.junit.jupiter.api.Tag("property")
class SetFilterTest {
  private static int[] randomSet(SplittableRandom r, int size) {
    return r.ints(size).sorted().distinct().toArray(); // hash values: both signs
  }

  private static IntBuffer filterOf(int[] set, int at) {
    IntBuffer b = IntBuffer.allocate(at + SetFilter.words(set.length) + 3);
    for (int i = 0; i < b.capacity(); i++) {
      b.put(i, -1); // what is around the filter must not leak into it
    }
    SetFilter.write(set, b, at);
    return b;
  }

  /** Every value of a set passes its filter, whatever the set's size and where the filter lies. */
  @Test
  void neverRulesOutAValueOfTheSet() {
    com.storyclusters.Props.qt().withExamples(500).forAll(longs().all(),
        integers().between(0, 3000), integers().between(0, 7)).checkAssert((seed, size, at) -> {
          int[] set = randomSet(new SplittableRandom(seed), size);
          IntBuffer b = filterOf(set, at);
          for (int v : set) {
            assertTrue(SetFilter.mayHold(b, at, SetFilter.words(set.length), v), "value " + v);
          }
        });
  }

  /**
   * About one value in 17 that a set does not hold passes its filter (8 bits per value, one or two
   * of them per value in one word: 5.7% expected); the lead test counts on well under one in ten.
   */
  @Test
  void passesFewValuesTheSetDoesNotHold() {
    SplittableRandom r = new SplittableRandom(20261204L);
    for (int size : new int[] {1, 40, 650, 3000}) {
      int[] set = randomSet(r, size);
      IntBuffer b = filterOf(set, 0);
      int passed = 0;
      int tried = 0;
      while (tried < 200_000) {
        int v = r.nextInt();
        if (Arrays.binarySearch(set, v) < 0) {
          tried++;
          passed += SetFilter.mayHold(b, 0, SetFilter.words(set.length), v) ? 1 : 0;
        }
      }
      double rate = (double) passed / tried;
      assertTrue(rate < 0.09, size + " values: " + rate);
    }
  }
}
