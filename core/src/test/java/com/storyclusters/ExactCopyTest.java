package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An article whose normalized text (with its title line, when the title is fingerprinted as one)
 * equals a live article's, long enough to be fingerprinted, always joins that article's cluster,
 * and adding it moves no other article.
 */
@org.junit.jupiter.api.Tag("property")
class ExactCopyTest {
  /**
   * The case found on a generated corpus: a site appends related stories to its pages; a story's
   * paragraphs recur there as related text under later pages, the per-source learner takes them
   * for the site's chrome, and a copy of the story's own page, its story stripped, joined the
   * cluster of the story it carried below.
   */
  @Test
  void aCopyOfAPageWhoseStoryBecameTheSitesBoilerplateJoinsThePage() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    String story = seeds.get("seed-000").text();
    String appended = seeds.get("seed-001").text();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(Article.builder("wire-b").source("kyodo").text(appended).build());
      Assignment page = sc.add(Article.builder("page-1").source("site").text(story + "\n"
          + appended).build());
      for (int i = 2; i <= 3; i++) { // later pages carry page-1's story as related text
        sc.add(Article.builder("page-" + i).source("site").text(seeds.get(i == 2 ? "seed-002"
            : "seed-004").text() + "\nRelated\n" + story).build());
      }
      Assignment copy = sc.add(Article.builder("page-1-again").source("site")
          .text(story + "\n" + appended).build());
      assertEquals(page.clusterId(), copy.clusterId(), copy.toString());
      assertEquals("page-1", copy.bestMatch().orElseThrow());
    }
  }

  @Test
  void anExactCopyAlwaysJoinsItsOriginalAndMovesNothingElse() throws Exception {
    List<String> texts = new ArrayList<>();
    for (Article a : Seeds.load().values()) {
      texts.add(a.text());
    }
    com.storyclusters.Props.qt().withExamples(40).forAll(longs().all(), integers().between(4, 24))
        .checkAssert((seed, n) -> {
          Random r = new Random(seed);
          try (StoryClusters sc = StoryClusters.builder().build()) {
            List<String> ids = new ArrayList<>();
            Map<String, String> bodies = new HashMap<>();
            for (int i = 0; i < n; i++) { // pages: a seed's paragraphs, some with another appended
              String[] a = texts.get(r.nextInt(texts.size())).split("\n+");
              StringBuilder text = new StringBuilder();
              int from = r.nextInt(Math.max(1, a.length / 2));
              for (int k = from; k < a.length && k < from + 3 + r.nextInt(8); k++) {
                text.append(a[k]).append('\n');
              }
              if (r.nextBoolean()) {
                text.append(texts.get(r.nextInt(texts.size())));
              }
              String id = "a" + i;
              sc.add(Article.builder(id).source("site" + r.nextInt(3)).text(text.toString())
                  .build());
              ids.add(id);
              bodies.put(id, text.toString());
            }
            Map<String, String> before = new HashMap<>();
            for (String id : ids) {
              before.put(id, sc.clusterOf(id).orElseThrow().id());
            }
            String original = ids.get(r.nextInt(ids.size()));
            // the same text, as another site prints it: other case and spacing
            String copyText = bodies.get(original).toUpperCase(java.util.Locale.ROOT)
                .replace(" ", "  ");
            Assignment copy = sc.add(Article.builder("copy").source("elsewhere")
                .text(copyText).build());
            if (bodies.get(original).split("\\s+").length > 12) {
              assertEquals(before.get(original), copy.clusterId(), "copy of " + original);
            }
            for (String id : ids) {
              assertEquals(before.get(id), sc.clusterOf(id).orElseThrow().id(), id + " moved");
            }
          }
        });
  }
}
