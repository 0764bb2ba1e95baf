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

  /**
   * One site publishes its story twice, each time with other stories appended: the two pages
   * share the story's whole lead but under half of either text, and two articles of one source
   * need 0.5 of weighted containment unless they open with a lead carried verbatim. Before that
   * clause the second page started a cluster of its own (pages first) or joined the story alone.
   */
  @Test
  void aSitesStoryPublishedAgainWithOtherStoriesAppendedJoinsItsFirstVersion() throws Exception {
    Map<String, Article> s = Seeds.load();
    Article story = s.get("seed-004");
    Article first = page("daily-1", story.source(), story, s.get("seed-002"));
    Article again = page("daily-2", story.source(), story, s.get("seed-000"), s.get("seed-001"));
    for (List<Article> order : List.of(List.of(first, again), List.of(first, again, story),
        List.of(story, first, again), List.of(first, s.get("seed-002"), again, story))) {
      for (int batch : new int[] {1, order.size()}) {
        try (StoryClusters sc = StoryClusters.builder().build()) {
          for (int i = 0; i < order.size(); i += batch) {
            sc.addAll(order.subList(i, Math.min(order.size(), i + batch)), 2);
          }
          String cluster = sc.clusterOf("daily-1").orElseThrow().id();
          assertEquals(cluster, sc.clusterOf("daily-2").orElseThrow().id(), order.toString());
          if (order.contains(story)) {
            assertEquals(cluster, sc.clusterOf(story.id()).orElseThrow().id(), order.toString());
          }
          if (order.size() == 2) { // in an index of two, each page holds under half the other
            PairExplanation why = sc.explain("daily-2", "daily-1");
            assertTrue(why.scores().score() < 0.5 && why.reason().endsWith("two articles of one"
                + " source, under 0.50 but opening with the same lead, carried verbatim"),
                why.reason());
          }
          if (order.contains(s.get("seed-002"))) {
            assertFalse(cluster.equals(sc.clusterOf("seed-002").orElseThrow().id()),
                "seed-002 is only appended to daily-1");
          }
        }
      }
    }
  }
}
