package com.storyclusters;

import java.util.List;
import java.util.Random;

/**
 * Pieces of the seeded operation scripts of {@link ResumeMixTest} and {@link
 * MatchExplainConsistencyTest}: the steps, and how an id is picked and a text updated.
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
}
