package com.storyclusters;

import com.storyclusters.fingerprint.Prepared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryClustersTest {
  @TempDir Path tmp;

  @Test
  void seedsClusterExactly() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      Map<String, String> cluster = new HashMap<>();
      for (Article a : seeds.values()) {
        cluster.put(a.id(), sc.add(a).clusterId());
      }
      assertEquals(cluster.get("seed-000"), cluster.get("seed-003"));
      assertEquals(4, new java.util.HashSet<>(cluster.values()).size());
      assertEquals(4, sc.clusterCount());
      StoryCluster kyodo = sc.clusterOf("seed-003").orElseThrow();
      assertEquals(List.of("seed-000", "seed-003"), kyodo.members());
      assertEquals("seed-000", kyodo.representative());
    }
  }

  /**
   * A newspaper that moves the agency copy's first paragraph into its standfirst (the title) and
   * keeps the next ones as its text shares the source's lead only through the title: with titles
   * fingerprinted it joins the source's story, without them it does not (which makes this test fail
   * if titles are ignored).
   */
  @Test
  void aCopyThatCarriesTheLeadInItsTitleJoins() throws Exception {
    Article source = Seeds.load().get("seed-001");
    List<String> paragraphs = paragraphs(source);
    Article copy = Article.builder("standfirst-copy").source("daily")
        .title("Summit talks | " + paragraphs.get(0))
        .text(String.join("\n\n", paragraphs.subList(1, 3))).build();
    for (boolean title : new boolean[] {true, false}) {
      try (StoryClusters sc = StoryClusters.builder().fingerprintTitle(title).build()) {
        sc.add(source);
        Assignment a = sc.add(copy);
        assertEquals(title, a.clusterId().equals("seed-001"), "fingerprintTitle " + title
            + ": " + a.scores());
      }
    }
  }

  /**
   * A page that opens with teasers of other stories (each one's headline and first paragraph, so
   * they hold those stories' leads) before its own headline: the article starts at its headline,
   * so the page joins its headline story, in either order of arrival, and the teased stories stay
   * alone. Without the headline rule the page joins a teased story (seed 001, whose lead the page's
   * lead holds), and its headline story's copies then start a cluster of their own.
   */
  @Test
  void aPageThatOpensWithTeasersOfOtherStoriesJoinsItsHeadlineStory() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    StringBuilder text = new StringBuilder("Top stories\n");
    for (String id : List.of("seed-001", "seed-002", "seed-004")) {
      text.append(seeds.get(id).title()).append('\n').append(paragraphs(seeds.get(id)).get(0))
          .append('\n');
    }
    Article kyodo = seeds.get("seed-000");
    text.append(kyodo.title()).append('\n').append(String.join("\n", paragraphs(kyodo)));
    Article page = Article.builder("portal-page").source("portal")
        .title(kyodo.title() + " | Portal News").text(text.toString()).build();
    for (List<String> order : List.of(
        List.of("seed-001", "seed-002", "seed-004", "portal-page", "seed-003", "seed-000"),
        List.of("seed-003", "seed-001", "seed-002", "portal-page", "seed-004", "seed-000"))) {
      try (StoryClusters sc = StoryClusters.builder().build()) {
        Map<String, Assignment> got = new HashMap<>();
        for (String id : order) {
          got.put(id, sc.add(id.equals("portal-page") ? page : seeds.get(id)));
        }
        String story = got.get("seed-000").clusterId();
        assertEquals(story, got.get("portal-page").clusterId(), order.toString());
        assertEquals(story, got.get("seed-003").clusterId(), order.toString());
        assertEquals(4, sc.clusterCount(), order.toString());
        assertTrue(got.get("portal-page").boilerplate().contains("top stories"),
            "what came before the headline is reported as removed");
      }
    }
  }

  private static List<String> paragraphs(Article a) {
    List<String> out = new ArrayList<>();
    for (String p : a.text().split("\n")) {
      if (p.split(" ").length >= 20) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /** A title that the text already begins with (a page's own headline) is not added twice. */
  @Test
  void aTitleTheTextBeginsWithIsNotAddedTwice() throws Exception {
    for (Article a : Seeds.load().values()) {
      assertEquals(java.util.Arrays.toString(Prepared.of(a, 2, 1_000_000, false).shingles),
          java.util.Arrays.toString(Prepared.of(a, 2, 1_000_000, true).shingles), a.id());
    }
    Article headed = Article.builder("x").title("A headline, of its own")
        .text("The text starts here and goes on.").build();
    Prepared p = Prepared.of(headed, 2, 1_000_000, true);
    assertEquals(List.of("a headline, of its own", "the text starts here and goes on."),
        List.of(p.line(0), p.line(1)));
    assertEquals(1, Prepared.of(headed, 2, 1_000_000, false).lines());
    Article page = Article.builder("y").title("Leaders meet in Canada | Japan Today")
        .text("Japan Today\nLeaders meet in Canada\nThe leaders met on Tuesday.").build();
    assertEquals(3, Prepared.of(page, 2, 1_000_000, true).lines(), "a page title's site suffix");
  }

  /** The seeds, each followed by a re-headed copy of its first two thirds from another site. */
  private static List<Article> seedsWithTrimmedCopies() throws Exception {
    List<Article> stream = new ArrayList<>();
    for (Article a : Seeds.load().values()) {
      stream.add(a);
      String t = a.text();
      stream.add(Article.builder(a.id() + "-copy").source("other-site")
          .title("Copy: " + a.title())
          .text("Read more news on our site\n" + t.substring(0, t.length() * 2 / 3)).build());
    }
    return stream;
  }

  /**
   * A trimmed copy of seed 003 (the Kyodo story followed by related articles) joins the Kyodo
   * story. Its rarest shingles all point at seed 003 alone, so the cluster's representative (seed
   * 000) is never a candidate by itself; joining needs it verified (it is: 0.62), not a second
   * member. Every other copy joins its own story; nothing else merges.
   */
  @Test
  void aTrimmedCopyOfAMultiStoryPageJoinsItsHeadlineStory() throws Exception {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      for (Article a : seedsWithTrimmedCopies()) {
        sc.add(a);
      }
      assertEquals(List.of("seed-000", "seed-000-copy", "seed-003", "seed-003-copy"),
          sc.clusterOf("seed-000").orElseThrow().members());
      for (String alone : List.of("seed-001", "seed-002", "seed-004")) {
        assertEquals(List.of(alone, alone + "-copy"), sc.clusterOf(alone).orElseThrow().members());
      }
      assertEquals(4, sc.clusterCount());
    }
  }

  /**
   * A page that carries its headline story and then three other stories in full ("related
   * articles"), arriving after three copies of the headline story and one of each other story: the
   * other stories' shingles are the page's rarest (each in one article, the headline story's in
   * three), so anchors drawn from the whole text would all point at them. The page joins its
   * headline story; the other stories stay apart.
   */
  @Test
  void aPageWithRelatedStoriesFindsItsHeadlineStoryAmongRarerOnes() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    String headline = seeds.get("seed-001").text();
    // the page (Jaccard ~0.3 with its headline story) is found by anchors
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(seeds.get("seed-001"));
      for (int i = 1; i <= 2; i++) {
        sc.add(Article.builder("headline-copy-" + i).source("site-" + i)
            .text("Site " + i + " news\n" + headline)
            .build());
      }
      StringBuilder page = new StringBuilder(headline).append("\nRelated articles");
      for (String other : List.of("seed-000", "seed-002", "seed-004")) {
        sc.add(seeds.get(other));
        page.append('\n').append(seeds.get(other).text());
      }
      Assignment added = sc.add(Article.builder("page").source("site-3").text(page.toString())
          .build());
      assertEquals(sc.clusterOf("seed-001").orElseThrow().id(), added.clusterId());
      for (String other : List.of("seed-000", "seed-002", "seed-004")) {
        assertEquals(List.of(other), sc.clusterOf(other).orElseThrow().members());
      }
    }
  }

  /**
   * {@code match} answers what {@code add} then does, and changes nothing: the seeds and trimmed,
   * re-headed copies of them, each matched, then added.
   */
  @Test
  void matchForetellsAddAndChangesNothing() throws Exception {
    List<Article> stream = seedsWithTrimmedCopies();
    int present = 0;
    int empty = 0;
    try (StoryClusters sc = StoryClusters.builder().directory(tmp.resolve("m")).build()) {
      for (Article a : stream) {
        List<StoryCluster> before = sc.clusters();
        java.util.Optional<Assignment> m = sc.match(a);
        assertEquals(before, sc.clusters(), "match changed the clusters");
        assertTrue(sc.clusterOf(a.id()).isEmpty(), "match added " + a.id());
        Assignment added = sc.add(a);
        if (m.isPresent()) {
          present++;
          assertFalse(added.newCluster(), a.id());
          assertEquals(added.clusterId(), m.get().clusterId(), a.id());
          assertEquals(added.bestMatch(), m.get().bestMatch(), a.id());
          assertEquals(added.scores(), m.get().scores(), a.id());
        } else {
          empty++;
          assertTrue(added.newCluster(), a.id());
        }
      }
      assertTrue(present >= 5 && empty >= 4, present + " matched, " + empty + " not");
      // an indexed id is left out of its own candidates: the answer comes from the others
      Assignment again = sc.match(Seeds.load().get("seed-003")).orElseThrow();
      assertTrue(sc.cluster(again.clusterId()).isPresent());
      assertNotEquals(java.util.Optional.of("seed-003"), again.bestMatch());
      assertThrows(NullPointerException.class, () -> sc.match(null));
      sc.close();
      assertThrows(StoryClustersException.class, () -> sc.match(Seeds.load().get("seed-000")));
    }
  }

  @Test
  void seedsClusterExactlyInReverseOrder() throws Exception {
    List<Article> seeds = new ArrayList<>(Seeds.load().values());
    java.util.Collections.reverse(seeds);
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.addAll(seeds, 2);
      assertEquals(sc.clusterOf("seed-000"), sc.clusterOf("seed-003"));
      assertEquals(4, sc.clusters().size());
    }
  }

  @Test
  void multiStoryPageJoinsItsHeadlineStoryAndGluesNothing() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    String page = seeds.get("seed-000").text() + "\nRelated Articles\n"
        + seeds.get("seed-001").text() + "\n" + seeds.get("seed-002").text() + "\n"
        + seeds.get("seed-004").text();
    Article multi = Article.builder("page").source("portal").text(page).build();
    List<List<Article>> orders = List.of(
        List.of(seeds.get("seed-000"), seeds.get("seed-001"), seeds.get("seed-002"),
            seeds.get("seed-004"), multi),
        List.of(multi, seeds.get("seed-002"), seeds.get("seed-004"), seeds.get("seed-001"),
            seeds.get("seed-000")),
        List.of(seeds.get("seed-002"), multi, seeds.get("seed-000"), seeds.get("seed-004"),
            seeds.get("seed-001")));
    for (List<Article> order : orders) {
      try (StoryClusters sc = StoryClusters.builder().build()) {
        for (Article a : order) {
          sc.add(a);
        }
        String head = sc.clusterOf("seed-000").orElseThrow().id();
        assertEquals(head, sc.clusterOf("page").orElseThrow().id(), "page joins its headline");
        for (String other : List.of("seed-001", "seed-002", "seed-004")) {
          assertEquals(1, sc.clusterOf(other).orElseThrow().size(), other + " stays alone");
        }
      }
    }
  }

  @Test
  void trimmedCopyWithOwnChromeJoins() throws Exception {
    Article original = Seeds.load().get("seed-001");
    String text = original.text();
    String trimmed = "Breaking | World | Asia\n" + text.substring(0, text.length() * 2 / 3)
        + "\nShare this story: Facebook Twitter Email";
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(original);
      Assignment a = sc.add(Article.builder("copy").source("other").text(trimmed).build());
      assertFalse(a.newCluster());
      assertEquals(sc.clusterOf("seed-001").orElseThrow().id(), a.clusterId());
      assertTrue(a.scores().orElseThrow().linked());
    }
  }

  @Test
  void reAddingTheSameTextChangesNothing() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(seeds.get("seed-000"));
      Assignment first = sc.add(seeds.get("seed-003"));
      Assignment again = sc.add(seeds.get("seed-003"));
      assertTrue(again.unchanged());
      assertEquals(first.clusterId(), again.clusterId());
      assertEquals(first.bestMatch(), again.bestMatch());
      assertEquals(2, sc.size());
    }
  }

  /**
   * A re-add just after the add is answered from memory, one after a reopen from the index: both
   * give what the index records (with and without stored text, which holds the removed lines).
   */
  @Test
  void aReAddRightAfterTheAddAnswersAsTheIndexRecordsIt() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    for (boolean storeText : new boolean[] {true, false}) {
      Path dir = tmp.resolve("readd-" + storeText);
      Assignment fromMemory;
      try (StoryClusters sc = StoryClusters.builder().directory(dir).storeText(storeText)
          .build()) {
        for (String id : List.of("seed-000", "seed-001", "seed-003")) {
          sc.add(seeds.get(id));
        }
        fromMemory = sc.add(seeds.get("seed-003"));
      }
      try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
        Assignment fromIndex = sc.add(seeds.get("seed-003"));
        assertTrue(fromIndex.unchanged());
        assertEquals(fromIndex, fromMemory);
        assertTrue(fromIndex.scores().isPresent());
      }
    }
  }

  @Test
  void sameIdWithOtherTextIsAnUpdate() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(seeds.get("seed-000"));
      sc.add(seeds.get("seed-003"));
      Assignment updated = sc.add(Article.builder("seed-003").text(seeds.get("seed-002").text())
          .build());
      assertFalse(updated.unchanged());
      assertEquals(3 - 1, sc.size());
      assertNotEquals(sc.clusterOf("seed-000"), sc.clusterOf("seed-003"));
      assertEquals(List.of("seed-000"), sc.clusterOf("seed-000").orElseThrow().members());
    }
  }

  @Test
  void removeKeepsClusterIdAndMovesRepresentative() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      String id = sc.add(seeds.get("seed-000")).clusterId();
      sc.add(seeds.get("seed-003"));
      assertTrue(sc.remove("seed-000"));
      assertFalse(sc.remove("seed-000"));
      StoryCluster c = sc.cluster(id).orElseThrow();
      assertEquals("seed-003", c.representative());
      assertEquals(List.of("seed-003"), c.members());
    }
  }

  @Test
  void clustersPersistAndLaterRunsAddToThem() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    Path dir = tmp.resolve("idx");
    String id;
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      id = sc.add(seeds.get("seed-000")).clusterId();
      sc.add(seeds.get("seed-001"));
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(2, sc.size());
      Assignment a = sc.add(seeds.get("seed-003"));
      assertEquals(id, a.clusterId());
      assertEquals(java.util.Optional.of("seed-000"), a.bestMatch());
      assertTrue(sc.add(seeds.get("seed-000")).unchanged());
    }
  }

  @Test
  void settingsMismatchNamesTheSettingAndBothValues() {
    Path dir = tmp.resolve("idx");
    StoryClusters.builder().directory(dir).shingleSize(2).build().close();
    SettingsMismatchException e = assertThrows(SettingsMismatchException.class,
        () -> StoryClusters.builder().directory(dir).shingleSize(3).build());
    assertEquals("shingleSize", e.setting());
    assertEquals("2", e.indexValue());
    assertEquals("3", e.requestedValue());
    assertTrue(e.getMessage().contains("shingleSize=2") && e.getMessage().contains("shingleSize=3"),
        e.getMessage());
    SettingsMismatchException k = assertThrows(SettingsMismatchException.class,
        () -> StoryClusters.builder().directory(dir).signatureSize(64).build());
    assertEquals("k", k.setting());
    SettingsMismatchException t = assertThrows(SettingsMismatchException.class,
        () -> StoryClusters.builder().directory(dir).fingerprintTitle(false).build());
    assertEquals("title", t.setting());
    // the index is untouched and still opens with its own settings
    StoryClusters.builder().directory(dir).build().close();
  }

  @Test
  void anotherFormatVersionFailsClearly() throws Exception {
    Path dir = tmp.resolve("idx");
    StoryClusters.builder().directory(dir).build().close();
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var w = new org.apache.lucene.index.IndexWriter(d,
            new org.apache.lucene.index.IndexWriterConfig())) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put("storyclusters.formatVersion", "99");
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    SettingsMismatchException e = assertThrows(SettingsMismatchException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertEquals("formatVersion", e.setting());
    assertEquals("99", e.indexValue());
  }

  @Test
  void corruptedIndexSaysSoWithThePath() throws Exception {
    Path dir = tmp.resolve("idx");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("segments")
          && !p.getFileName().toString().equals("write.lock")).toList()) {
        byte[] b = Files.readAllBytes(f);
        for (int i = 0; i < b.length; i += 7) {
          b[i] ^= 0x5A;
        }
        Files.write(f, b);
      }
    }
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    assertTrue(e.getCause() instanceof org.apache.lucene.index.CorruptIndexException,
        String.valueOf(e.getCause()));
  }

  @Test
  void truncatedIndexFileSaysSo() throws Exception {
    Path dir = tmp.resolve("idx");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".cfs")
          || p.getFileName().toString().endsWith(".si")).toList()) {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
      }
    }
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("corrupt"),
        e.getMessage());
  }

  @Test
  void closeIsIdempotentAndUseAfterCloseFails() {
    StoryClusters sc = StoryClusters.builder().build();
    sc.close();
    sc.close();
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> sc.add(Article.of("a", "text")));
    assertTrue(e.getMessage().contains("closed"));
    assertThrows(StoryClustersException.class, sc::clusters);
  }

  @Test
  void badArticlesAndArguments() {
    assertThrows(IllegalArgumentException.class, () -> Article.of(null, "x"));
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> Article.of("  ", "x"));
    assertTrue(blank.getMessage().contains("blank"));
    try (StoryClusters sc = StoryClusters.builder().build()) {
      assertThrows(NullPointerException.class, () -> sc.add(null));
      assertThrows(NullPointerException.class, () -> sc.remove(null));
    }
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
        () -> StoryClusters.builder().signatureSize(4));
    assertEquals("signatureSize must be between 8 and 4096, got 4", k.getMessage());
    // the index keeps each text's lead up to max(128, 30%) shingles: wider windows are refused
    StoryClusters.builder().leadWindow(128, 0.3);
    assertThrows(IllegalArgumentException.class, () -> StoryClusters.builder().leadWindow(129, 0.1));
    assertThrows(IllegalArgumentException.class, () -> StoryClusters.builder().leadWindow(50, 0.31));
  }

  @Test
  void emptyAndShortTextsNeverMatch() {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      assertTrue(sc.add(Article.of("e1", "")).newCluster());
      assertTrue(sc.add(Article.of("e2", "")).newCluster());
      assertTrue(sc.add(Article.of("s1", "Breaking news")).newCluster());
      assertTrue(sc.add(Article.of("s2", "Breaking news")).newCluster());
      assertTrue(sc.add(Article.of("w1", " \n\t ")).newCluster());
      assertEquals(5, sc.clusters().size());
    }
  }

  @Test
  void representativeIsEarliestPublishedThenSmallestId() throws Exception {
    String text = Seeds.load().get("seed-002").text();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(Article.builder("b").text(text).published(Instant.parse("2025-01-02T00:00:00Z")).build());
      sc.add(Article.builder("c").text(text).build());
      sc.add(Article.builder("z").text(text).published(Instant.parse("2025-01-01T00:00:00Z")).build());
      sc.add(Article.builder("a").text(text).published(Instant.parse("2025-01-01T00:00:00Z")).build());
      StoryCluster c = sc.clusterOf("a").orElseThrow();
      assertEquals(4, c.size());
      assertEquals("a", c.representative());
      assertEquals("b", c.id(), "the id is the founding article's and does not move");
    }
  }

  @Test
  void explainShowsSharedPassages() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      seeds.values().forEach(sc::add);
      PairExplanation e = sc.explain("seed-000", "seed-003");
      assertTrue(e.scores().linked());
      assertTrue(e.sharedPassages().get(0).contains("ishiba"), e.sharedPassages().toString());
      assertFalse(sc.explain("seed-000", "seed-001").scores().linked());
      assertThrows(IllegalArgumentException.class, () -> sc.explain("seed-000", "nope"));
    }
  }
}
