package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.storyclusters.fingerprint.Fingerprint;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The scorer's cheap pre-filter never rejects a pair that {@link PairScorer#verify} links. */
@org.junit.jupiter.api.Tag("property")
class PairScorerTest {
  /** Only runs of at least seven consecutive held shingles (8 words) count as verbatim. */
  @Test
  void theVerbatimShareCountsLongRunsOnly() {
    int[] lead = new int[20];
    for (int i = 0; i < lead.length; i++) {
      lead[i] = i;
    }
    // held: 0-6 (a run of 7), 8-13 (6: too short), 15-19 (5, at the end: too short)
    java.util.function.IntPredicate held = p -> p <= 6 || (p >= 8 && p <= 13) || p >= 15;
    org.junit.jupiter.api.Assertions.assertEquals(7 / 20.0, Leads.verbatimShare(lead, held));
    org.junit.jupiter.api.Assertions.assertEquals(1.0, Leads.verbatimShare(lead, p -> true));
    org.junit.jupiter.api.Assertions.assertEquals(0.0, Leads.verbatimShare(lead, p -> false));
    org.junit.jupiter.api.Assertions.assertEquals(0.0,
        Leads.verbatimShare(new int[0], p -> true));
  }

  /**
   * Which text is inside which: the shorter new text passes (its containment is the score), a
   * longer one needs the threshold (an own report quoting the agency, like COUNTER's 0399p: 19% of
   * it in the agency text, 70% of the agency text in it), unless a lead is carried verbatim.
   */
  @Test
  void aLongerNewTextMustBeMostlyTheMatchUnlessItCarriesALeadVerbatim() {
    assertTrue(PairScorer.insideMatch(0.16, 0.15, 0, 0.2, 0.8));
    org.junit.jupiter.api.Assertions.assertFalse(PairScorer.insideMatch(0.19, 0.7, 0.7, 0.2, 0.8));
    assertTrue(PairScorer.insideMatch(0.2, 0.7, 0, 0.2, 0.8));
    assertTrue(PairScorer.insideMatch(0.05, 0.9, 0.8, 0.2, 0.8));
  }

  @Test
  void mayLinkNeverRejectsALinkedPair() {
    int[] seen = new int[2]; // linked pairs, pairs the pre-filter rejected: both cases occur
    com.storyclusters.Props.qt().withExamples(2000).forAll(longs().all(), integers().between(0, 600),
        doubles().between(0, 0.6)).checkAssert((seed, length, minLeadShare) -> {
          Random r = new Random(seed);
          int vocabulary = 20 + r.nextInt(2000); // small vocabularies: many shared shingles
          int[] a = randomText(r, length, vocabulary);
          int[] b = r.nextBoolean() ? copyOf(r, a, vocabulary) : randomText(r,
              r.nextInt(601), vocabulary);
          int[] setA = sortedDistinct(a);
          int[] setB = sortedDistinct(b);
          int[] leadA = Arrays.copyOf(a, Fingerprint.leadLength(a.length));
          int[] leadB = Arrays.copyOf(b, Fingerprint.leadLength(b.length));
          double[] weightsA = new double[setA.length];
          for (int i = 0; i < weightsA.length; i++) {
            weightsA[i] = weight(setA[i]);
          }
          IntToDoubleFunction other = PairScorerTest::weight;
          PairScorer v = new PairScorer(0.05 * r.nextInt(8), 0.5, 10 + r.nextInt(100),
              0.05 + 0.3 * r.nextDouble(), minLeadShare, 1 + r.nextInt(12), 64);
          double[] otherA = new double[setA.length];
          for (int i = 0; i < setA.length; i++) {
            otherA[i] = other.applyAsDouble(setA[i]);
          }
          double total = 0;
          for (double w : weightsA) {
            total += w;
          }
          PairScorer.Side side = new PairScorer.Side(ranks(leadA, setA), a.length, setA,
              weightsA, otherA, total);
          Evidence evidenceB = new Evidence("b", ranks(leadB, setB), b.length, setB,
              new byte[0]);
          boolean linked = v.verify(side, evidenceB, PairScorer.totalWeight(setB, other), other, 0,
              r.nextInt(4) == 0).linked();
          boolean may = v.mayLink(side, setB);
          assertTrue(!linked || may);
          seen[0] += linked ? 1 : 0;
          seen[1] += may ? 0 : 1;
        });
    assertTrue(seen[0] > 100 && seen[1] > 100, Arrays.toString(seen));
  }

  /** The distinct ranks come back ascending, each once, as sorting would give them. */
  @Test
  void distinctRanksAreTheSortedDistinctPrefix() {
    com.storyclusters.Props.qt().withExamples(2000).forAll(longs().all(), integers().between(0, 400),
        integers().between(1, 5000)).checkAssert((seed, length, range) -> {
          Random r = new Random(seed);
          int[] ranks = r.ints(length, 0, range).toArray();
          int n = length == 0 ? 0 : r.nextInt(length + 1);
          org.junit.jupiter.api.Assertions.assertArrayEquals(
              Arrays.stream(ranks, 0, n).sorted().distinct().toArray(),
              Leads.distinctSorted(ranks, n));
        });
  }

  /** Galloping through B marks exactly the lead shingles a full merge marks. */
  @Test
  void theLeadLookUpMarksWhatTheMergeMarks() {
    com.storyclusters.Props.qt().withExamples(3000).forAll(longs().all(), integers().between(0, 700),
        integers().between(0, 700)).checkAssert((seed, lengthA, lengthB) -> {
          Random r = new Random(seed);
          int vocabulary = 5 + r.nextInt(3000);
          int[] setA = sortedDistinct(randomText(r, lengthA, vocabulary));
          int[] setB = sortedDistinct(randomText(r, lengthB, vocabulary));
          int[] lead = new int[Math.min(setA.length, r.nextInt(150))];
          for (int i = 0; i < lead.length; i++) {
            lead[i] = r.nextInt(setA.length);
          }
          int[] leadSet = Leads.distinctSorted(lead, lead.length);
          boolean[] merged = java.util.Arrays.copyOf(new SetMerge().of(setA, setB).inB,
              setA.length);
          SetMerge m = new SetMerge().ofLead(setA, leadSet, setB);
          for (int i : leadSet) {
            org.junit.jupiter.api.Assertions.assertEquals(merged[i], m.inB[i], "index " + i);
          }
          m.clearLead(leadSet);
          for (int i = 0; i < setA.length; i++) {
            org.junit.jupiter.api.Assertions.assertFalse(m.inB[i]);
          }
          for (int x : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, r.nextInt()}) {
            int from = setB.length == 0 ? 0 : r.nextInt(setB.length + 1);
            int expected = from;
            while (expected < setB.length && setB[expected] < x) {
              expected++;
            }
            org.junit.jupiter.api.Assertions.assertEquals(expected,
                SetMerge.gallop(setB, from, x));
          }
        });
  }

  /**
   * A query's windowed lead set decides as the plain lead share does, whatever marks other pairs
   * left in the thread's merge, and so does the test of a stored record through its filter.
   */
  @Test
  void windowedMayLinkEqualsMergeAfterStaleMarks() {
    int[] seen = new int[3]; // may link, may not, ruled out by the filter alone
    com.storyclusters.Props.qt().withExamples(3000).forAll(longs().all(), integers().between(0, 600),
        doubles().between(0, 0.6)).checkAssert((seed, length, minLeadShare) -> {
          Random r = new Random(seed);
          int vocabulary = 20 + r.nextInt(2000);
          int[] a = randomText(r, length, vocabulary);
          int[] b = r.nextBoolean() ? copyOf(r, a, vocabulary)
              : randomText(r, r.nextInt(601), vocabulary);
          int[] setA = sortedDistinct(a);
          int[] setB = sortedDistinct(b);
          int[] leadA = ranks(Arrays.copyOf(a, Fingerprint.leadLength(a.length)), setA);
          double[] w = new double[setA.length];
          for (int i = 0; i < w.length; i++) {
            w[i] = weight(setA[i]);
          }
          int leadShingles = 10 + r.nextInt(100);
          double leadFraction = 0.05 + 0.3 * r.nextDouble();
          PairScorer v = new PairScorer(0.0, 0.5, leadShingles, leadFraction, minLeadShare, 1, 64);
          int window = (int) Math.min(leadA.length, Math.min(a.length,
              Math.max(leadShingles, leadFraction * a.length)));
          PairScorer.Side side = new PairScorer.Side(leadA, a.length, setA, w, w, 0,
              Leads.distinctSorted(leadA, window));
          // stale marks: a full merge of A with a superset of everything
          int[] all = sortedDistinct(java.util.stream.IntStream.concat(Arrays.stream(setA),
              Arrays.stream(setB)).toArray());
          PairScorer.Side full = new PairScorer.Side(leadA, a.length, setA, w, w, 0);
          v.verify(full, new Evidence("x", new int[0], all.length, all, new byte[0]), 1,
              PairScorerTest::weight, 0, false);
          boolean[] inB = new boolean[setA.length];
          for (int i = 0; i < setA.length; i++) {
            inB[i] = Arrays.binarySearch(setB, setA[i]) >= 0;
          }
          double total = 0;
          double sum = 0;
          for (int p = 0; p < window; p++) {
            total += w[leadA[p]];
            if (inB[leadA[p]]) {
              sum += w[leadA[p]];
            }
          }
          boolean expected = (total == 0 ? 0 : sum / total) >= minLeadShare;
          org.junit.jupiter.api.Assertions.assertEquals(expected, v.mayLink(side, setB));
          // a stored record: its filter first, then its set
          Evidence e = new Evidence("b", new int[0], b.length, setB, new byte[0]);
          java.nio.IntBuffer record = java.nio.IntBuffer.allocate(
              EvidenceRecord.size(e));
          EvidenceRecord.write(record, 0, e);
          Evidence stored = Evidence.stored("b", record, 0);
          org.junit.jupiter.api.Assertions.assertEquals(expected, v.mayLink(side, stored));
          if (v.ruledOutByFilter(side, stored, new SetMerge())) {
            org.junit.jupiter.api.Assertions.assertFalse(expected, "the filter ruled out a link");
            seen[2]++;
          }
          seen[expected ? 0 : 1]++;
        });
    assertTrue(seen[0] > 100 && seen[1] > 100 && seen[2] > 100, Arrays.toString(seen));
  }

  private static int[] sortedDistinct(int[] values) {
    return Arrays.stream(values).sorted().distinct().toArray();
  }

  /** The index in {@code set} of each of {@code values}. */
  private static int[] ranks(int[] values, int[] set) {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.binarySearch(set, values[i]);
    }
    return out;
  }

  private static double weight(int h) {
    return 0.1 + Math.floorMod(h * 0x9E3779B9, 1000) / 100.0;
  }

  private static int[] randomText(Random r, int length, int vocabulary) {
    int[] t = new int[length];
    for (int i = 0; i < length; i++) {
      t[i] = r.nextInt(vocabulary) * 0x9E3779B9;
    }
    return t;
  }

  /** A copy: a trimmed, lightly edited version of {@code a}, maybe with text before and after. */
  private static int[] copyOf(Random r, int[] a, int vocabulary) {
    int from = a.length == 0 ? 0 : r.nextInt(Math.max(1, a.length / 4));
    int to = a.length - (a.length == 0 ? 0 : r.nextInt(Math.max(1, a.length / 2)));
    int[] before = randomText(r, r.nextInt(60), vocabulary);
    int[] after = randomText(r, r.nextInt(300), vocabulary);
    int[] out = new int[before.length + Math.max(0, to - from) + after.length];
    System.arraycopy(before, 0, out, 0, before.length);
    int n = before.length;
    for (int i = from; i < to; i++) {
      out[n++] = r.nextInt(10) == 0 ? r.nextInt(vocabulary) * 0x9E3779B9 : a[i];
    }
    System.arraycopy(after, 0, out, n, after.length);
    return out;
  }
}
