package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.Scripts.Add;
import com.storyclusters.Scripts.Op;
import com.storyclusters.Scripts.Remove;
import com.storyclusters.Scripts.Reopen;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume and batch identity under mixed operations (README, Guarantees: crash safety,
 * determinism, retention): a seeded script over a corpus long enough to pass position 1,024
 * (where statistics epochs hold many articles) mixes batches of random sizes on one or two
 * threads, updates, unchanged re-adds, other sites' copies, removes, a retention window, and
 * commit, close and reopen at random points (the index only goes on after a reopen: no input is
 * run twice). Every assignment (cluster, new, match, scores, boilerplate), every remove's answer
 * and the clusters at every reopen and at the end must be those of the same script added one
 * article at a time to an index never closed. The last two tests are the smallest failing
 * scripts found for the two divergences the random scripts hit.
 */
class ResumeMixTest {
  @TempDir Path tmp;

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration WINDOW = Duration.ofDays(30);

  /**
   * A script over {@code fresh} new articles ({@link BatchIdentityTest#corpus}, a day per 8 of
   * them): updates (mostly of recent ids, a word changed and a line added, often followed by a
   * reopen and by copies of the new version), unchanged re-adds (the article as first sent, its
   * date included: after an eviction, a re-sent old article), copies by other sites, removes
   * and reopens. {@code lateShare}: the share of new articles published 10 to 45 days before the
   * day the feed has reached (late arrivals).
   */
  static List<Op> script(long seed, int fresh, double lateShare) throws Exception {
    List<Article> corpus = BatchIdentityTest.corpus(fresh, seed, false);
    Random r = new Random(seed * 31 + 7);
    Map<String, Article> current = new HashMap<>();
    List<String> order = new ArrayList<>(); // ids in the order last added (recent last)
    List<Op> ops = new ArrayList<>();
    int next = 0;
    int edits = 0;
    String updated = null; // the id updated last
    boolean reopenSoon = false;
    while (next < corpus.size()) {
      double roll = r.nextDouble();
      if ((roll < 0.12 || reopenSoon && roll < 0.5) && !order.isEmpty()) {
        reopenSoon = false;
        ops.add(new Reopen());
      } else if (roll < 0.24 && !order.isEmpty()) {
        String id = r.nextInt(10) == 0 ? "a" + r.nextInt(corpus.size()) : Scripts.pick(order, r);
        ops.add(new Remove(id));
        order.remove(id);
        current.remove(id);
      } else {
        reopenSoon = false;
        double sizes = r.nextDouble();
        int size = 1 + r.nextInt(sizes < 0.6 ? 8 : sizes < 0.85 ? 60 : 300);
        List<Article> batch = new ArrayList<>();
        while (batch.size() < size && next < corpus.size()) {
          double kind = r.nextDouble();
          Instant now = T0.plus(Duration.ofDays(next / 8)).plusSeconds(r.nextInt(86_400));
          Article a;
          if (kind < 0.07 && !order.isEmpty()) { // an update: a word changed, a line added
            Article old = current.get(Scripts.pick(order, r));
            a = Article.builder(old.id()).source(old.source()).text(Scripts.edit(old.text(), r, edits++))
                .published(now).build();
            updated = a.id();
            reopenSoon = r.nextBoolean(); // then often a reopen, and copies of the new version
          } else if (kind < 0.10 && !order.isEmpty()) { // the same again: unchanged
            a = current.get(Scripts.pick(order, r));
          } else if (kind < 0.16 && !order.isEmpty()) { // another site's copy of a recent one
            Article of = current.get(updated != null && current.containsKey(updated)
                && r.nextBoolean() ? updated : Scripts.pick(order, r));
            a = Article.builder("c" + edits).source("copier" + r.nextInt(3))
                .text(Scripts.edit(of.text(), r, edits++)).published(now).build();
          } else {
            Article c = corpus.get(next);
            if (r.nextDouble() < lateShare) { // 10 to 45 days late
              now = now.minus(Duration.ofDays(10 + r.nextInt(36)));
            }
            a = Article.builder(c.id()).source(c.source()).text(c.text()).published(now).build();
            next++;
          }
          batch.add(a);
          current.put(a.id(), a);
          order.remove(a.id());
          order.add(a.id());
          if (reopenSoon && r.nextBoolean()) {
            break;
          }
        }
        ops.add(new Add(batch, 1 + r.nextInt(2)));
      }
    }
    return ops;
  }

  private static Settings.Builder builder(boolean retention) {
    Settings.Builder b = StoryClusters.builder();
    return retention ? b.retention(WINDOW) : b;
  }

  /** The script in batches, closed and reopened at its reopens; answers as {@link #reference}. */
  private static List<Object> resumed(List<Op> ops, Path dir, boolean retention, int commitEvery) {
    List<Object> out = new ArrayList<>();
    StoryClusters sc = builder(retention).directory(dir).commitEvery(commitEvery).build();
    try {
      for (Op op : ops) {
        if (op instanceof Add add) {
          out.add(sc.addAll(add.batch(), add.threads()));
        } else if (op instanceof Remove rm) {
          out.add(sc.remove(rm.id()));
        } else {
          sc.commit();
          sc.close();
          sc = builder(retention).directory(dir).commitEvery(commitEvery).build();
          out.add(sc.clusters());
        }
      }
      out.add(sc.clusters());
    } finally {
      sc.close();
    }
    return out;
  }

  private void check(List<Op> ops, boolean retention, int commitEvery) {
    Scripts.assertSameAnswers(ops, Scripts.oneByOne(ops, builder(retention), true),
        resumed(ops, tmp.resolve("index" + System.nanoTime()), retention, commitEvery));
  }

  private void check(long seed, int fresh, double lateShare, boolean retention, int commitEvery)
      throws Exception {
    List<Op> ops = script(seed, fresh, lateShare);
    long reopens = ops.stream().filter(o -> o instanceof Reopen).count();
    long removes = ops.stream().filter(o -> o instanceof Remove).count();
    long adds = ops.stream().filter(o -> o instanceof Add).mapToLong(o -> ((Add) o).batch().size())
        .sum();
    assertTrue(reopens >= 20 && removes >= 10 && adds > fresh + 200,
        reopens + " reopens, " + removes + " removes, " + adds + " adds");
    check(ops, retention, commitEvery);
  }

  @Test
  void mixedScriptResumesAsIfNeverClosed() throws Exception {
    check(6, 1500, 0, false, 0);
  }

  @Test
  void mixedScriptWithRetentionResumesAsIfNeverClosed() throws Exception {
    check(4, 1500, 0, true, 97);
  }

  @Test
  void lateArrivalsWithRetentionResumeAsIfNeverClosed() throws Exception {
    check(3, 1300, 0.05, true, 0);
  }

  private static Article variant(String id, String text, String word) {
    String[] t = text.split(" ");
    t[t.length / 2] = word;
    return Article.of(id, String.join(" ", t));
  }

  /**
   * Past position 1,024 an article updated in the epoch it was added in: a copy scored against
   * the old version before the update, one against the new version after it (and after a
   * reopen). The run never closed weighs the new version by the old version's weight sum.
   */
  @Test
  void anArticleUpdatedInItsEpochIsWeighedAsAfterAReopen() throws Exception {
    List<Article> filler = new ArrayList<>();
    for (int i = 0; i < 1024; i++) { // positions 0..1023: epochs of one article each
      filler.add(Article.of("f" + i, ""));
    }
    String story = Seeds.load().get("seed-000").text();
    String updated = story + "\nUpdated: a correction was added to the story here.\n";
    check(List.of(new Add(filler, 1),
        new Add(List.of(Article.of("x", story)), 1), // position 1024: pending in 1024..1152
        new Add(List.of(variant("y", story, "zebra")), 1), // scored against x
        new Add(List.of(Article.of("x", updated)), 1), // an update, in the same epoch
        new Reopen(),
        new Add(List.of(variant("z", updated, "giraffe")), 1)), false, 0);
  }

  /**
   * With a 30-day window, an article published before the window of the newest one, sent after
   * it: the run never closed keeps it (until the window moves on by a step), the reopened index
   * evicts it on open.
   */
  @Test
  void aLateArticleKeptByTheRunIsKeptAfterAReopen() throws Exception {
    List<String> texts = Seeds.load().values().stream().map(Article::text).toList();
    check(List.of(new Add(List.of(
        Article.builder("new").text(texts.get(0)).published(T0.plus(Duration.ofDays(40))).build(),
        Article.builder("late").text(texts.get(1)).published(T0).build()), 1),
        new Reopen()), true, 0);
  }
}
