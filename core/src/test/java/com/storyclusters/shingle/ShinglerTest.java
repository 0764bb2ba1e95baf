package com.storyclusters.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShinglerTest {
  @Test
  void goldenShingleHashes() {
    // Part of the index format: these values must never change.
    assertArrayEquals(new long[] {0x1b2af71b8732442aL, 0x64bcca1e8e4393efL, 0x0260f60fbe7363cdL},
        Shingler.shingles("the quick brown fox", 2));
  }

  @Test
  void countsAndShortTexts() {
    assertEquals(3, Shingler.shingles("a b c d e f g", 5).length);
    assertEquals(1, Shingler.shingles("a b", 5).length);
    assertEquals(0, Shingler.shingles(" ... ", 5).length);
  }

  @Test
  void sameWindowSameHashAnywhere() {
    long[] a = Shingler.shingles("x y z the quick brown fox", 4);
    long[] b = Shingler.shingles("the quick brown fox", 4);
    org.junit.jupiter.api.Assertions.assertEquals(b[0], a[3]);
    long[] one = Shingler.shingles("the quick brown fox", 1);
    org.junit.jupiter.api.Assertions.assertEquals(4, one.length);
  }

  @Test
  void orderMatters() {
    assertNotEquals(Shingler.shingles("a b", 2)[0], Shingler.shingles("b a", 2)[0]);
  }

  @Test
  void rejectsBadSize() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Shingler(0));
    assertEquals("shingle size must be between 1 and 16, got 0", e.getMessage());
  }

  @Test
  void exactSetMeasures() {
    ShingleSet a = ShingleSet.of(1, 2, 3, 4);
    ShingleSet b = ShingleSet.of(3, 4, 5, 5);
    assertEquals(2, a.intersectionSize(b));
    assertEquals(0.4, a.jaccard(b), 1e-12);
    assertEquals(0.5, a.containmentIn(b), 1e-12);
    assertEquals(2.0 / 3, b.containmentIn(a), 1e-12);
  }
}
