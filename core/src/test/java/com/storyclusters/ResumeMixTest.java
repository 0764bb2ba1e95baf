package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Resume and batch identity under mixed operations: a seeded script over a corpus long enough to
 * pass position 1,024 (where statistics epochs hold many articles) mixes batches of random sizes
 * on one or two threads, updates, unchanged re-adds, removes, a retention window, and commit,
 * close and reopen at random points (the index only goes on after a reopen, it never re-runs
 * input). Every assignment, every remove's answer and the clusters at every reopen and at the end
 * must be those of the same script run one article at a time, never closed.
 */
class ResumeMixTest {
  @TempDir Path tmp;

  /** One step of a script. */
  sealed interface Op permits Add, Remove, Reopen {}

  /** {@code addAll(batch, threads)}; the reference adds one at a time. */
  record Add(List<Article> batch, int threads) implements Op {}

  /** {@code remove(id)}. */
  record Remove(String id) implements Op {}

  /** Commit, close and reopen (the reference goes on). */
  record Reopen() implements Op {}

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration WINDOW = Duration.ofDays(30);

  /**
   * A script over {@code fresh} new articles ({@link BatchIdentityTest#corpus}, a day per 8 of
   * them), with updates (mostly of recent ids, a word changed and a line added), unchanged
   * re-adds, removes and reopens. {@code lateShare}: the share of new articles published up to
   * 45 days before the day the feed has reached (late arrivals).
   */
  static List<Op> script(long seed, int fresh, double lateShare) throws Exception {
    List<Article> corpus = BatchIdentityTest.corpus(fresh, seed, false);
    Random r = new Random(seed * 31 + 7);
    Map<String, Article> current = new HashMap<>();
    List<String> order = new ArrayList<>(); // ids in the order last added (recent last)
    List<Op> ops = new ArrayList<>();
    int next = 0;
    int edits = 0;
    while (next < corpus.size()) {
      double roll = r.nextDouble();
      if (roll < 0.07 && !order.isEmpty()) {
        ops.add(new Reopen());
      } else if (roll < 0.15 && !order.isEmpty()) {
        String id = r.nextInt(10) == 0 ? "a" + r.nextInt(corpus.size()) : pick(order, r);
        ops.add(new Remove(id));
        order.remove(id);
        current.remove(id);
      } else {
        int size = r.nextBoolean() ? 1 + r.nextInt(8) : 1 + r.nextInt(300);
        List<Article> batch = new ArrayList<>();
        while (batch.size() < size && next < corpus.size()) {
          double kind = r.nextDouble();
          Article a;
          if (kind < 0.07 && !order.isEmpty()) { // an update: a word changed, a line added
            Article old = current.get(pick(order, r));
            a = Article.builder(old.id()).source(old.source()).text(edit(old.text(), r, edits++))
                .published(old.published().orElse(null)).build();
          } else if (kind < 0.10 && !order.isEmpty()) { // the same again: unchanged
            a = current.get(pick(order, r));
          } else {
            Article c = corpus.get(next);
            long day = next / 8;
            if (r.nextDouble() < lateShare) {
              day = Math.max(0, day - 10 - r.nextInt(36));
            }
            a = Article.builder(c.id()).source(c.source()).text(c.text())
                .published(T0.plus(Duration.ofDays(day)).plusSeconds(r.nextInt(86_400)))
                .build();
            next++;
          }
          batch.add(a);
          current.put(a.id(), a);
          order.remove(a.id());
          order.add(a.id());
        }
        ops.add(new Add(batch, 1 + r.nextInt(2)));
      }
    }
    return ops;
  }

  /** An id, 3 times in 4 one of the 40 most recently added. */
  private static String pick(List<String> order, Random r) {
    int n = order.size();
    return r.nextInt(4) > 0 ? order.get(n - 1 - r.nextInt(Math.min(40, n)))
        : order.get(r.nextInt(n));
  }

  private static String edit(String text, Random r, int n) {
    String[] lines = text.split("\n");
    int line = lines.length > 3 ? 2 + r.nextInt(lines.length - 2) : lines.length - 1;
    String[] tokens = lines[line].split(" ");
    tokens[r.nextInt(tokens.length)] = "revised" + n;
    lines[line] = String.join(" ", tokens);
    return String.join("\n", lines) + "\nUpdated " + n + ": the story was corrected.\n";
  }

  /** What a run answered: per op (assignments, a remove's answer, the clusters at a reopen). */
  private static List<Object> reference(List<Op> ops, boolean retention) {
    List<Object> out = new ArrayList<>();
    try (StoryClusters sc = builder(retention).build()) {
      for (Op op : ops) {
        if (op instanceof Add add) {
          List<Assignment> got = new ArrayList<>();
          for (Article a : add.batch()) {
            got.add(sc.add(a));
          }
          out.add(got);
        } else if (op instanceof Remove rm) {
          out.add(sc.remove(rm.id()));
        } else {
          out.add(sc.clusters());
        }
      }
      out.add(sc.clusters());
    }
    return out;
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

  /** Fails at the first op whose answer differs, naming it and what differs. */
  static void assertSame(List<Op> ops, List<Object> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e.equals(a)) {
        continue;
      }
      String what = i < ops.size() ? "op " + i + " " + describe(ops.get(i)) : "final clusters";
      if (e instanceof List<?> el && a instanceof List<?> al && el.size() == al.size()) {
        for (int k = 0; k < el.size(); k++) {
          assertEquals(el.get(k), al.get(k), what + ", item " + k);
        }
      }
      assertEquals(e, a, what);
    }
  }

  private static String describe(Op op) {
    return op instanceof Add add ? "add " + add.batch().size() + " on " + add.threads()
        + " threads, from " + add.batch().get(0).id() : op.toString();
  }

  private void check(long seed, int fresh, double lateShare, boolean retention, int commitEvery)
      throws Exception {
    List<Op> ops = script(seed, fresh, lateShare);
    long reopens = ops.stream().filter(o -> o instanceof Reopen).count();
    long adds = ops.stream().filter(o -> o instanceof Add).mapToLong(o -> ((Add) o).batch().size())
        .sum();
    assertTrue(reopens >= 5 && adds > fresh + 100, reopens + " reopens, " + adds + " adds");
    List<Object> expected = reference(ops, retention);
    assertSame(ops, expected, resumed(ops, tmp.resolve("s" + seed), retention, commitEvery));
  }

  @Test
  void mixedScriptResumesAsIfNeverClosed() throws Exception {
    check(1, 1500, 0, false, 0);
  }

  @Test
  void mixedScriptWithRetentionResumesAsIfNeverClosed() throws Exception {
    check(2, 1500, 0, true, 97);
  }

  @Test
  void lateArrivalsWithRetentionResumeAsIfNeverClosed() throws Exception {
    check(3, 1300, 0.05, true, 0);
  }
}
