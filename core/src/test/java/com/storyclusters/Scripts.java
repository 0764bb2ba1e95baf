package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pieces of the seeded operation scripts of {@link ResumeMixTest} and {@link
 * MatchExplainConsistencyTest}: the steps, how an id is picked and a text updated, and the
 * reference run.
 */
final class Scripts {
  private Scripts() {}

  /** One step of a script. */
  sealed interface Op permits Add, Remove, Reopen {}

  /** {@code addAll(batch, threads)} (a reference run adds one at a time). */
  record Add(List<Article> batch, int threads) implements Op {}

  /** {@code remove(id)}. */
  record Remove(String id) implements Op {}

  /** A commit, close and reopen of an on-disk index (an in-memory run commits only). */
  record Reopen() implements Op {}

  /** An id, 3 times in 4 one of the 40 most recently added. */
  static String pick(List<String> order, Random r) {
    int n = order.size();
    return r.nextInt(4) > 0 ? order.get(n - 1 - r.nextInt(Math.min(40, n)))
        : order.get(r.nextInt(n));
  }

  /** An update's text: a word of a line past the first two changed, and a line added. */
  static String edit(String text, Random r, int n) {
    String[] lines = text.split("\n");
    int line = lines.length > 3 ? 2 + r.nextInt(lines.length - 2) : lines.length - 1;
    String[] tokens = lines[line].split(" ");
    tokens[r.nextInt(tokens.length)] = "revised" + n;
    lines[line] = String.join(" ", tokens);
    return String.join("\n", lines) + "\nUpdated " + n + ": the story was corrected.\n";
  }

  /**
   * The answers of a script run one add at a time, never closed: per step the assignments, or a
   * remove's answer, or (with {@code clustersAtReopen}) the clusters at a reopen; then the final
   * clusters.
   */
  static List<Object> oneByOne(List<Op> ops, Settings.Builder builder, boolean clustersAtReopen) {
    List<Object> out = new ArrayList<>();
    try (StoryClusters sc = builder.build()) {
      for (Op op : ops) {
        if (op instanceof Add add) {
          List<Assignment> got = new ArrayList<>();
          for (Article a : add.batch()) {
            got.add(sc.add(a));
          }
          out.add(got);
        } else if (op instanceof Remove rm) {
          out.add(sc.remove(rm.id()));
        } else if (clustersAtReopen) {
          out.add(sc.clusters());
        }
      }
      out.add(sc.clusters());
    }
    return out;
  }

  /**
   * Fails at the first answer that differs from the reference's, naming its step ({@code
   * answering}: the steps that answer, in order) and the item of a batch that differs.
   */
  static void assertSameAnswers(List<Op> answering, List<Object> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e.equals(a)) {
        continue;
      }
      String what = i < answering.size() ? "op " + i + " " + describe(answering.get(i))
          : "final clusters";
      if (e instanceof List<?> el && a instanceof List<?> al && el.size() == al.size()) {
        for (int k = 0; k < el.size(); k++) {
          assertEquals(el.get(k), al.get(k), what + ", item " + k);
        }
      }
      assertEquals(e, a, what);
    }
  }

  static String describe(Op op) {
    return op instanceof Add add ? "add " + add.batch().size() + " on " + add.threads()
        + " threads, from " + add.batch().get(0).id() : op.toString();
  }
}
