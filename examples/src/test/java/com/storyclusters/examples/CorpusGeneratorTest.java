package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.storyclusters.StoryClusters;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CorpusGenerator generator(long seed) throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../samples/seeds/articles.jsonl"))) {
      var n = JSON.readTree(line);
      if (n.get("id").asText().equals("seed-003") || n.get("id").asText().equals("seed-000")) {
        continue; // 003 copies 000, and 000 shares app chrome and background with 001
      }
      texts.add(n.get("text").asText());
      titles.add(n.get("title").asText());
    }
    return new CorpusGenerator(texts, titles, seed);
  }

  private static String[] write(CorpusGenerator g, int n) throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    g.write(n, a, b);
    return new String[] {a.toString(), b.toString()};
  }

  @Test
  void deterministicForASeed() throws Exception {
    assertEquals(List.of(write(generator(3), 200)), List.of(write(generator(3), 200)));
    assertNotEquals(write(generator(3), 200)[0], write(generator(4), 200)[0]);
  }

  @Test
  void writesTheCountWithGoldAndRealisticCopies() throws Exception {
    String[] out = write(generator(1), 300);
    String[] articles = out[0].split("\n");
    String[] gold = out[1].split("\n");
    assertEquals(300, articles.length);
    assertEquals(300, gold.length);
    Map<String, String> cluster = new HashMap<>();
    List<com.storyclusters.Article> list = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      var a = JSON.readTree(articles[i]);
      var g = JSON.readTree(gold[i]);
      assertEquals(a.get("id").asText(), g.get("id").asText());
      cluster.put(g.get("id").asText(), g.get("cluster").asText());
      list.add(com.storyclusters.Article.builder(a.get("id").asText())
          .source(a.get("source").asText()).title(a.get("title").asText())
          .text(a.get("text").asText()).build());
    }
    int stories = new HashSet<>(cluster.values()).size();
    assertTrue(stories > 50 && stories < 250, "one to six copies a story: " + stories);
    // (stories are word-substituted variants of three seed texts)
    assertTrue(out[0].contains("Related articles"), "some pages carry other stories");
    assertTrue(out[0].contains("Top stories"), "some pages open with teasers of other stories");
    // the library finds most copies and merges few stories
    Map<String, String> predicted = new HashMap<>();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.addAll(list, 2).forEach(a -> predicted.put(a.articleId(), a.clusterId()));
    }
    Metrics m = Metrics.of(cluster, predicted, null);
    assertTrue(m.recall() > 0.8 && m.precision() > 0.8, m.summary());
  }
}
