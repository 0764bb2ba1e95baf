package com.storyclusters.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.examples.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Each benchmark runs once, and the quality harness scores the bundled seeds exactly. */
class BenchmarksSmokeTest {
  @Test
  void fingerprintBenchmarkMethodsRun() throws Exception {
    System.setProperty("storyclusters.data", "no-such-folder"); // synthetic corpus
    FingerprintBenchmark b = new FingerprintBenchmark();
    b.setup();
    Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
        + "Blackholes directly is dangerous.");
    b.storyclusters(bh);
    b.luceneMinHashFilter(bh);
    b.hashFloor(bh);
    assertEquals(500, FingerprintBenchmark.corpus(500).size());
    assertTrue(FingerprintBenchmark.corpus(10).get(0).length() > 1000);
  }

  /**
   * The heap breakdown finds every structure it reads by reflection (a renamed field fails here,
   * not in a long run), and reports bytes for those an index of a few articles holds.
   */
  @Test
  void heapBreakdownReadsEveryStructure(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    try (com.storyclusters.StoryClusters sc = com.storyclusters.StoryClusters.builder()
        .directory(dir).frequencyBits(10).build()) {
      for (com.storyclusters.Article a : com.storyclusters.examples.Jsonl.readArticles(
          Path.of("../samples/seeds/articles.jsonl"))) {
        sc.add(a);
      }
      Map<String, Long> parts = HeapBreakdown.of(sc);
      assertEquals(List.of("anchor table", "anchor arena", "line counts", "story counts",
          "frequency table", "ids' ordinals", "evidence offsets", "scratch file"),
          List.copyOf(parts.keySet()));
      assertEquals(2 * (16 + 2 * 1024), parts.get("frequency table")); // two rows of 2^10 shorts
      assertTrue(parts.get("anchor table") > 0 && parts.get("line counts") > 0);
      assertTrue(parts.get("scratch file") > 5 * 100, "five records of evidence");
    }
  }

  /**
   * The disk breakdown's parts sum to the folder's bytes, and it finds the binary doc-value fields
   * in the index itself: with and without text, the same fields, and only the stored fields grow
   * with the text.
   */
  @Test
  void diskBreakdownAccountsForEveryByte(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Map<String, Long> withText = null;
    for (boolean storeText : new boolean[] {true, false}) {
      Path index = dir.resolve("index-" + storeText);
      try (com.storyclusters.StoryClusters sc = com.storyclusters.StoryClusters.builder()
          .directory(index).frequencyBits(10).storeText(storeText).build()) {
        for (com.storyclusters.Article a : com.storyclusters.examples.Jsonl.readArticles(
            Path.of("../samples/seeds/articles.jsonl"))) {
          sc.add(a);
        }
        sc.commit();
      }
      Map<String, Long> parts = DiskBreakdown.of(index);
      assertEquals(ScaleHarness.size(index) - sizeOfLock(index),
          parts.values().stream().mapToLong(Long::longValue).sum());
      assertTrue(parts.keySet().stream().filter(k -> k.startsWith("binary doc values ")).count()
          >= 3, parts.toString());
      assertTrue(parts.get("beside the index") > 0, "the statistics file: " + parts);
      if (withText == null) {
        withText = parts;
      } else {
        assertEquals(withText.keySet(), parts.keySet());
        assertTrue(withText.get("stored fields") > parts.get("stored fields") + 1000,
            withText + " " + parts);
      }
    }
  }

  private static long sizeOfLock(Path index) throws java.io.IOException {
    Path lock = index.resolve("write.lock");
    return java.nio.file.Files.exists(lock) ? java.nio.file.Files.size(lock) : 0;
  }

  @Test
  void qualityHarnessScoresTheSeeds() throws Exception {
    List<QualityHarness.Set> sets = QualityHarness.sets(Path.of("../samples"));
    assertEquals(1, sets.size());
    Metrics m = QualityHarness.run(sets.get(0), Map.of());
    assertEquals(1.0, m.ari(), 1e-12);
    assertEquals(5, m.articles());
  }
}
