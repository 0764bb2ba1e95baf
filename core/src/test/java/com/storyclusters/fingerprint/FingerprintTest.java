package com.storyclusters.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.storyclusters.Article;
import com.storyclusters.Props;
import com.storyclusters.minhash.MinHasher;
import com.storyclusters.minhash.Signature;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the index stores of a fingerprint estimates what the full fingerprint does. */
@org.junit.jupiter.api.Tag("property")
class FingerprintTest {
  private final MinHasher hasher = new MinHasher(128, 7, MinHasher.Scheme.ONE_PERMUTATION);

  /**
   * The stored sketch (a byte of each value) agrees wherever the full signature does, and beyond
   * that only by chance: its estimate is the full signature's, with the chance agreements of
   * 8-bit values corrected for, so it never falls more than the correction below, and it rises
   * above by no more than a few chance agreements (pinned seeds: the bound is statistical).
   */
  @Test
  void storedSketchEstimatesJaccardAsTheFullSignatureDoes() {
    double[] sum = new double[2];
    org.quicktheories.QuickTheory.qt().withFixedSeed(20261204L).withExamples(400)
        .forAll(longs().all(), integers().between(0, 400), integers().between(0, 400))
        .checkAssert((seed, shared, own) -> {
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
          double full = sa.jaccard(sb);
          double stored = Fingerprint.sketchJaccard(Fingerprint.sketchOf(sa), a.length,
              Fingerprint.sketchOf(sb), b.length);
          if (a.length == 0 || b.length == 0) {
            assertEquals(0, stored);
            return;
          }
          double chance = 1.0 / 256;
          assertTrue(stored >= (full - chance) / (1 - chance) - 1e-12, full + " " + stored);
          assertTrue(stored <= full + 6.0 / 128, full + " " + stored);
          sum[0] += stored - full;
          sum[1]++;
        });
    assertTrue(Math.abs(sum[0] / sum[1]) < 0.005, "mean error " + sum[0] / sum[1]);
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

  /**
   * Whatever a page carries before its own headline (a line that is its title, in the first half
   * of the text) never changes its fingerprint: the same article with or without it gives the same
   * lead and shingle set, and everything before the headline is reported as removed.
   */
  @Test
  void whatComesBeforeTheHeadlineNeverMatters() {
    // seed 1186910966296 once failed here: title "a in lee of | site" over a text opening with
    // "a in lee of" (a main part under 12 chars) got its title added as a second first line
    assertEquals(java.util.Arrays.toString(select("a in lee of", "a in lee of\nthe summit talks of"
        + " japan and korea went on").set), java.util.Arrays.toString(select(
        "a in lee of | site", "a in lee of\nthe summit talks of japan and korea went on").set));
    String[] words = {"ishiba", "lee", "summit", "talks", "said", "the", "of", "japan", "korea",
        "tuesday", "trade", "ties", "leaders", "met", "canada", "in", "a", "and"};
    // the seed that found it, pinned; then the suite's seeds (fixed, and random: Props)
    for (org.quicktheories.QuickTheory qt : List.of(
        org.quicktheories.QuickTheory.qt().withFixedSeed(1186910966296L), Props.qt())) {
      headlineNeverMatters(qt, words);
    }
  }

  private void headlineNeverMatters(org.quicktheories.QuickTheory qt, String[] words) {
    qt.withExamples(300).forAll(longs().all(), integers().between(0, 12),
        integers().between(1, 30)).checkAssert((seed, junkLines, bodyLines) -> {
          Random r = new Random(seed);
          String title = sentence(r, words, 4 + r.nextInt(6));
          StringBuilder body = new StringBuilder(title).append('\n');
          for (int i = 0; i < bodyLines; i++) {
            body.append(sentence(r, words, 5 + r.nextInt(30))).append('\n');
          }
          StringBuilder junk = new StringBuilder();
          for (int i = 0; i < junkLines; i++) {
            junk.append(sentence(r, words, 1 + r.nextInt(12))).append('\n');
          }
          if (junk.length() >= body.length() || junk.toString().contains(title + "\n")
              || (junkLines > 0 && title.length() < 12)) {
            return; // the headline must be in the first half, the first line that is the title,
                    // and long enough to be looked for (shorter ones only where they open the text)
          }
          Fingerprint clean = select(title, body.toString());
          Fingerprint paged = select(title + " | site", junk + body.toString());
          assertEquals(java.util.Arrays.toString(clean.lead), java.util.Arrays.toString(paged.lead));
          assertEquals(java.util.Arrays.toString(clean.set), java.util.Arrays.toString(paged.set));
          assertEquals(junkLines, paged.removed.size());
        });
  }

  private Fingerprint select(String title, String text) {
    Article a = Article.builder("a").title(title).text(text).build();
    return Fingerprint.select(Prepared.of(a, 2, 1_000_000, true), null, hasher, 20_000);
  }

  private static String sentence(Random r, String[] words, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
    }
    return sb.toString();
  }
}
