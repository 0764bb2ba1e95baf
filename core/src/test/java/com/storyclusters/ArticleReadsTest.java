package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoryClusters#text} and {@link StoryClusters#info}: what the index keeps of an article. */
class ArticleReadsTest {
  @TempDir Path dir;

  @Test
  void theStoredTextAndTheArticlesSourceAndTime() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.addAll(seeds.values().stream().toList(), 1);
      // read before any refresh: the adds are still unrefreshed in the searcher
      String text = sc.text("seed-000").orElseThrow();
      assertTrue(text.contains("shigeru ishiba and south korean president lee jae myung"), text);
      assertFalse(text.contains("overview logo"), "chrome before the headline is not kept");
      assertEquals(Optional.empty(), sc.text("nope"));
      ArticleInfo info = sc.info("seed-003").orElseThrow();
      assertEquals("japantoday", info.source());
      assertEquals(seeds.get("seed-003").published(), info.published());
      assertEquals("seed-000", info.clusterId());
      assertEquals(Optional.empty(), sc.info("nope"));
      sc.add(Article.of("no-time", "a text without a source or a time"));
      assertEquals(new ArticleInfo("no-time", "", Optional.empty(), "no-time"),
          sc.info("no-time").orElseThrow());
    }
  }

  @Test
  void readOnlyAndWithoutStoredText() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    Path withText = dir.resolve("text");
    Path noText = dir.resolve("none");
    try (StoryClusters sc = StoryClusters.builder().directory(withText).build();
        StoryClusters bare = StoryClusters.builder().directory(noText).storeText(false).build()) {
      sc.addAll(seeds.values().stream().toList(), 1);
      bare.addAll(seeds.values().stream().toList(), 1);
      assertEquals(Optional.empty(), bare.text("seed-000"));
      assertEquals("aggregator-app", bare.info("seed-000").orElseThrow().source());
    }
    try (StoryClusters ro = StoryClusters.builder().directory(withText).readOnly(true).build()) {
      assertTrue(ro.text("seed-003").orElseThrow().contains("ishiba"));
      assertEquals("japantoday", ro.info("seed-003").orElseThrow().source());
    }
  }
}
