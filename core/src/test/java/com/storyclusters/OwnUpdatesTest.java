package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line is a source's chrome only when it recurs there under different stories: a site that runs
 * its own story (which no other source publishes) again and again with other pages appended keeps
 * the story's paragraphs in every version, so each version joins the first: one by one, in a
 * batch (also past the first 1,024 positions, where a batch segment holds several versions), and
 * after a reopen (which rebuilds the counts from the index).
 */
class OwnUpdatesTest {
  @TempDir Path tmp;

  /** Words from three of seed-000's paragraphs, as normalized (removed lines are). */
  private static final List<String> STORY = List.of("ishiba and lee reaffirmed",
      "bilateral ties have long been fraught", "this year marks the 60th anniversary");

  /** Other pages the site appends, in part, to its story's later versions ("related articles"). */
  private static final String[] APPENDED = {"seed-001", "seed-002"};
  private static final int APPENDED_CHARS = 2400;

  private static long removed(Assignment a) {
    return STORY.stream().filter(p -> a.boilerplate().stream().anyMatch(l -> l.contains(p)))
        .count();
  }

  /**
   * Version {@code v} (0: the first) of site A's own story: the story, then from version 1 on
   * another page appended, as a site's related articles or live page would.
   */
  private static Article version(Map<String, Article> s, int v) {
    Article story = s.get("seed-000");
    String text = v == 0 ? story.text()
        : story.text() + "\nRelated articles\n"
            + s.get(APPENDED[v - 1]).text().substring(0, APPENDED_CHARS);
    return Article.builder("v" + v).source("site-a").title(story.title()).text(text).build();
  }

  private static List<Article> versions(Map<String, Article> s) {
    return List.of(version(s, 0), version(s, 1), version(s, 2));
  }

  /**
   * Unrelated articles of other sources indexed first: in an index of three articles every
   * shingle the versions share has the lowest weight there is, which no real index gives them.
   */
  private static List<Article> background(int n) {
    java.util.Random r = new java.util.Random(7);
    String[] words = ("river council budget school winter harvest market election railway "
        + "festival museum hospital bridge factory weather season league concert village "
        + "tourism library airport garden rainfall contract union parliament coastline").split(" ");
    List<Article> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 300; w++) {
        text.append(words[r.nextInt(words.length)]).append(w % 25 == 24 ? ".\n" : " ");
      }
      out.add(Article.builder("other-" + i).source("other-" + i % 7).text(text.toString())
          .build());
    }
    return out;
  }

  private static void assertKept(List<Assignment> out) {
    for (Assignment a : out) {
      assertEquals(0, removed(a), a.articleId() + " " + a.boilerplate());
      assertEquals("v0", a.clusterId(), a.articleId());
    }
  }

  @Test
  void aSitesOwnUpdatesKeepTheirStory() throws Exception {
    Map<String, Article> s = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.addAll(background(60), 1);
      assertKept(versions(s).stream().map(sc::add).toList());
    }
    try (StoryClusters sc = StoryClusters.builder().build()) {
      List<Article> all = new java.util.ArrayList<>(background(60));
      all.addAll(versions(s));
      List<Assignment> out = sc.addAll(all, 2);
      assertKept(out.subList(out.size() - 3, out.size()));
    }
    Path dir = tmp.resolve("index");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.addAll(background(60), 1);
      sc.addAll(versions(s).subList(0, 2), 1);
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertKept(sc.addAll(versions(s).subList(2, 3), 1));
    }
    // past position 1,024, where one batch segment would hold all the versions (the third then
    // starts a segment of its own, once the stories of the first two are decided:
    // BatchIdentityTest shows that this is what keeps batches equal to one-by-one adds)
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.addAll(background(1100), 2);
      assertKept(sc.addAll(versions(s), 2));
    }
  }
}
