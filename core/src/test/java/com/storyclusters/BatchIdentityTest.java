package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch = one-by-one, by construction: a corpus long enough to cross several statistics epochs
 * (past the first 1,024 positions, where epochs hold many articles and a segment is scored in
 * parallel), with updates and repeated ids, gives the same assignments (cluster, match, scores,
 * boilerplate) added one at a time, in one batch on 1, 2 or 8 threads, in batches of 256, and
 * after a commit, close and reopen in the middle of an epoch.
 */
class BatchIdentityTest {
  @TempDir Path tmp;

  /**
   * Copies, trims, word edits, site chrome (short lines, and long lines only one site prints, whose
   * verdict waits for the stories of a segment's earlier articles) and appended paragraphs of the
   * seed texts.
   */
  static List<Article> corpus(int n, long seed, boolean updates) throws Exception {
    List<String> texts = new ArrayList<>();
    for (Article a : Seeds.load().values()) {
      texts.add(a.text());
    }
    String[] words = "the minister said talks would go on monday officials region leaders trade"
        .split(" ");
    Random r = new Random(seed);
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] paragraphs = texts.get(r.nextInt(texts.size())).split("\n+");
      int site = r.nextInt(9);
      StringBuilder text = new StringBuilder("Site " + site + " header\nMenu | Home | World\n");
      int start = r.nextInt(3) == 0 ? r.nextInt(Math.max(1, paragraphs.length / 2)) : 0;
      for (int p = start; p < paragraphs.length && p < start + 3 + r.nextInt(8); p++) {
        String[] tokens = paragraphs[p].split(" ");
        for (int t = 0; t < tokens.length; t++) { // a story of its own: ~1 word in 6 replaced
          if (r.nextInt(6) == 0) {
            tokens[t] = words[r.nextInt(words.length)] + (i % 97);
          }
        }
        text.append(String.join(" ", tokens)).append('\n');
      }
      if (r.nextBoolean()) {
        String[] other = texts.get(r.nextInt(texts.size())).split("\n+");
        text.append("Related: ").append(other[r.nextInt(other.length)]).append('\n');
      }
      if (r.nextInt(3) == 0) { // a long line only this site prints (a new one every 150 articles):
        // its chrome once two stories have it, which inside a segment waits for their decisions
        text.append("Site ").append(site).append(" offer ").append(i / 150)
            .append(": read our award winning coverage of politics business and culture every ")
            .append("morning in the daily briefing newsletter\n");
      }
      // 2% reuse an earlier id: an update (or, with the same text, an unchanged re-add)
      String id = updates && i > 10 && r.nextInt(50) == 0 ? "a" + r.nextInt(i) : "a" + i;
      out.add(Article.builder(id).source("site" + site).text(text.toString()).build());
    }
    return out;
  }

  private static List<Assignment> oneByOne(List<Article> corpus) {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      List<Assignment> out = new ArrayList<>();
      for (Article a : corpus) {
        out.add(sc.add(a));
      }
      return out;
    }
  }

  private static List<Assignment> batches(List<Article> corpus, int batch, int threads) {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      List<Assignment> out = new ArrayList<>();
      for (int i = 0; i < corpus.size(); i += batch) {
        out.addAll(sc.addAll(corpus.subList(i, Math.min(corpus.size(), i + batch)), threads));
      }
      return out;
    }
  }

  @Test
  void batchesAndThreadsGiveTheOneByOneAssignments() throws Exception {
    List<Article> corpus = corpus(2600, 11, true);
    List<Assignment> expected = oneByOne(corpus);
    long joined = expected.stream().filter(a -> !a.newCluster()).count();
    assertTrue(joined > 500 && joined < 2400, "the corpus has copies and stories: " + joined);
    assertEquals(expected, batches(corpus, corpus.size(), 1));
    assertEquals(expected, batches(corpus, corpus.size(), 2));
    assertEquals(expected, batches(corpus, corpus.size(), 8));
    assertEquals(expected, batches(corpus, 256, 2));
    assertEquals(expected, batches(corpus, 1000, 3));
  }

  /**
   * With a retention window, too: a run closed in the middle of an epoch, whose last articles
   * moved the latest published time on, evicts on reopen only what the uninterrupted run had
   * evicted at that epoch's start, and goes on as that run does.
   */
  @Test
  void aReopenedIndexWithRetentionGoesOnAsIfNeverClosed() throws Exception {
    List<Article> corpus = new ArrayList<>();
    for (Article a : corpus(1200, 13, false)) { // a day per 8 articles: 150 days, window 30
      corpus.add(Article.builder(a.id()).source(a.source()).text(a.text())
          .published(java.time.Instant.parse("2025-01-01T00:00:00Z")
              .plus(java.time.Duration.ofDays(corpus.size() / 8)))
          .build());
    }
    java.time.Duration window = java.time.Duration.ofDays(30);
    List<Assignment> clean;
    try (StoryClusters sc = StoryClusters.builder().directory(tmp.resolve("clean-r"))
        .retention(window).build()) {
      clean = sc.addAll(corpus, 2);
    }
    int cut = 1100; // inside the epoch 1024..1152, after a commit there
    Path dir = tmp.resolve("index-r");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).retention(window)
        .commitEvery(cut).build()) {
      sc.addAll(corpus.subList(0, cut), 2);
    }
    List<Assignment> resumed;
    try (StoryClusters sc = StoryClusters.builder().directory(dir).retention(window).build()) {
      resumed = sc.addAll(corpus.subList(cut, corpus.size()), 2);
    }
    assertEquals(clean.subList(cut, corpus.size()), resumed);
  }

  @Test
  void aReopenedIndexGoesOnAsIfNeverClosed() throws Exception {
    // no repeated ids: re-running an input whose later line updated an earlier id re-applies the
    // superseded version (a known limit of resuming by re-adding, not of the statistics)
    List<Article> corpus = corpus(1700, 12, false);
    Path dir = tmp.resolve("index");
    List<Assignment> clean;
    try (StoryClusters sc = StoryClusters.builder().directory(tmp.resolve("clean")).build()) {
      clean = sc.addAll(corpus, 2);
    }
    int cut = 1300; // inside an epoch of 128 (1280..1408), after a commit at 1250
    try (StoryClusters sc = StoryClusters.builder().directory(dir).commitEvery(1250).build()) {
      sc.addAll(corpus.subList(0, cut), 2);
    }
    List<Assignment> resumed;
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      resumed = sc.addAll(corpus, 2);
    }
    for (int i = 0; i < corpus.size(); i++) {
      Assignment c = clean.get(i);
      Assignment r = resumed.get(i);
      assertEquals(c.clusterId(), r.clusterId(), c.articleId());
      if (i >= cut) {
        assertEquals(c, r, c.articleId());
      }
    }
  }
}
