package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pages that append other stories stay with their headline story, whichever arrives first, also
 * when two pages each carry the other's story.
 */
class MultiStoryPagesTest {
  private static Article page(String id, String source, Article story, Article... related) {
    StringBuilder text = new StringBuilder(story.text()).append("\nRelated\n");
    for (Article r : related) {
      text.append(r.text()).append('\n');
    }
    return Article.builder(id).source(source).title(story.title()).text(text.toString()).build();
  }

  private static void check(List<Article> order) {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.addAll(order, 2);
      String a = sc.clusterOf("page-a").orElseThrow().id();
      String b = sc.clusterOf("page-b").orElseThrow().id();
      assertEquals(a, sc.clusterOf("seed-000").orElseThrow().id(), order.toString());
      assertEquals(b, sc.clusterOf("seed-002").orElseThrow().id(), "page-b carries seed-002");
      assertEquals(2, sc.clusterOf("page-a").orElseThrow().members().size(),
          sc.clusters().toString());
      assertEquals(2, sc.clusterOf("page-b").orElseThrow().members().size(),
          sc.clusters().toString());
      PairExplanation why = sc.explain("page-a", "page-b");
      assertFalse(why.scores().linked());
      assertTrue(why.reason().startsWith("not copies: each page carries the other's story"),
          why.reason());
    }
  }

  @Test
  void twoPagesCarryingEachOthersStoryStayWithTheirOwn() throws Exception {
    Map<String, Article> s = Seeds.load();
    // page A: story 000, then 001, 002 and 004 as related; page B (another site): 002, then 000
    Article pageA = page("page-a", "site-one", s.get("seed-000"), s.get("seed-001"),
        s.get("seed-002"), s.get("seed-004"));
    Article pageB = page("page-b", "site-two", s.get("seed-002"), s.get("seed-000"));
    List<Article> stories = List.of(s.get("seed-000"), s.get("seed-002"));
    List<Article> pagesFirst = new ArrayList<>(List.of(pageA, pageB));
    pagesFirst.addAll(stories);
    check(pagesFirst);
    List<Article> storiesFirst = new ArrayList<>(stories);
    storiesFirst.addAll(List.of(pageA, pageB));
    check(storiesFirst);
  }
}
