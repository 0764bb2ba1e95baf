package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paragraph that other sources publish is a wire story's text, not one site's chrome: a site
 * that carried a story twice under "related articles" keeps that story's paragraphs when it
 * publishes the story itself, followed by another (issue 12's failing copy), in memory and after a
 * reopen, which
 * rebuilds the counts from the index. A paragraph only that site published stays its chrome.
 */
class WireParagraphsTest {
  @TempDir Path tmp;

  /** Words from three of seed-000's paragraphs, as normalized (removed lines are). */
  private static final List<String> STORY = List.of("ishiba and lee reaffirmed",
      "bilateral ties have long been fraught", "this year marks the 60th anniversary");

  /** How many of the story's paragraphs were removed as boilerplate. */
  private static long removed(Assignment a) {
    return STORY.stream().filter(p -> a.boilerplate().stream().anyMatch(l -> l.contains(p)))
        .count();
  }

  private static Article related(String id, Article story, Article appended) {
    return Article.builder(id).source("site-a").title(story.title())
        .text(story.text() + "\nRelated articles\n" + appended.text()).build();
  }

  /** Site A's own copy of the story, after two of its pages carried it as related. */
  private static Assignment copyAfterRelated(StoryClusters sc, Map<String, Article> s,
      boolean wireFirst, Path reopen) {
    Article story = s.get("seed-000");
    if (wireFirst) {
      sc.add(Article.builder("wire").source("wire-b").title(story.title()).text(story.text())
          .build());
    }
    sc.add(related("page-1", s.get("seed-002"), story));
    sc.add(related("page-2", s.get("seed-004"), story));
    Article copy = related("copy", story, s.get("seed-001"));
    if (reopen == null) {
      return sc.add(copy);
    }
    sc.close();
    try (StoryClusters again = StoryClusters.builder().directory(reopen).build()) {
      return again.add(copy);
    }
  }

  @Test
  void aParagraphOtherSourcesPublishIsStoryText() throws Exception {
    Map<String, Article> s = Seeds.load();
    // control: only site A ever published the story's paragraphs, twice: its chrome by then
    try (StoryClusters sc = StoryClusters.builder().build()) {
      Assignment a = copyAfterRelated(sc, s, false, null);
      assertEquals(3, removed(a), a.boilerplate().toString());
    }
    // another source published the story first: its paragraphs are story text on site A too
    try (StoryClusters sc = StoryClusters.builder().build()) {
      Assignment a = copyAfterRelated(sc, s, true, null);
      assertEquals(0, removed(a), a.boilerplate().toString());
      assertEquals("wire", a.clusterId());
    }
    Path dir = tmp.resolve("index");
    StoryClusters sc = StoryClusters.builder().directory(dir).build();
    Assignment a = copyAfterRelated(sc, s, true, dir);
    assertEquals(0, removed(a), a.boilerplate().toString());
    assertEquals("wire", a.clusterId());
  }
}
