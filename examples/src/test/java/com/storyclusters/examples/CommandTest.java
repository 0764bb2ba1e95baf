package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {
  @TempDir Path tmp;
  private static final Path SEEDS = Path.of("../samples/seeds");

  /** id to cluster of a cluster command output (shared with the crash test). */
  static Map<String, String> clusters(Path output) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(output)) {
      var n = json.readTree(line);
      out.put(n.get("id").asText(), n.get("cluster").asText());
    }
    return out;
  }

  @Test
  void clustersTheSeedsExactlyAndEvaluates() throws Exception {
    Path out = tmp.resolve("out.jsonl");
    assertEquals(0, Main.run("cluster", SEEDS.resolve("articles.jsonl").toString(), "--output",
        out.toString(), "--quiet"));
    List<String> lines = Files.readAllLines(out);
    assertEquals(5, lines.size());
    assertTrue(lines.get(0).contains("\"id\":\"seed-000\""), "input order");
    Map<String, String> c = clusters(out);
    assertEquals(c.get("seed-000"), c.get("seed-003"));
    assertEquals(4, new java.util.HashSet<>(c.values()).size());

    Map<String, String>[] gold = Metrics.readAssignments(SEEDS.resolve("gold-copies.jsonl"));
    Metrics m = Metrics.of(gold[0], c, null);
    assertEquals(1.0, m.ari(), 1e-12);
    assertEquals(1.0, m.f1(), 1e-12);
  }

  /**
   * Without stored text the clusters are the same (decisions never read the text), explain gives
   * scores and says why there are no passages, and the index keeps its choice when reopened.
   */
  @Test
  void anIndexWithoutTextClustersAlikeAndSaysSo() throws Exception {
    Path with = tmp.resolve("with.jsonl");
    Path without = tmp.resolve("without.jsonl");
    Path index = tmp.resolve("idx");
    String input = SEEDS.resolve("articles.jsonl").toString();
    assertEquals(0, Main.run("cluster", input, "--output", with.toString(), "--quiet"));
    assertEquals(0, Main.run("cluster", input, "--index", index.toString(), "--output",
        without.toString(), "--no-store-text", "--quiet"));
    assertEquals(clusters(with), clusters(without));
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run("explain", "seed-003", "seed-000", "--index", index.toString()));
    } finally {
      System.setOut(old);
    }
    String said = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("copies") && said.contains("--no-store-text"), said);
    assertEquals(0, Main.run("cluster", input, "--index", index.toString(), "--output",
        tmp.resolve("again.jsonl").toString(), "--quiet"));
    try (var sc = com.storyclusters.StoryClusters.builder().directory(index).build()) {
      assertFalse(sc.storesText(), "an existing index keeps the choice it was created with");
    }
  }

  @Test
  void sameInputGivesSameClustersWhateverTheThreads() throws Exception {
    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    Main.run("cluster", SEEDS.resolve("articles.jsonl").toString(), "--output", a.toString(),
        "--threads", "1", "--quiet");
    Main.run("cluster", SEEDS.resolve("articles.jsonl").toString(), "--output", b.toString(),
        "--threads", "2", "--quiet");
    assertEquals(Files.readString(a), Files.readString(b));
  }

  @Test
  void persistentIndexAddsToEarlierRuns() throws Exception {
    List<String> lines = Files.readAllLines(SEEDS.resolve("articles.jsonl"));
    Path first = tmp.resolve("first.jsonl");
    Path second = tmp.resolve("second.jsonl");
    Files.write(first, lines.subList(0, 3));
    Files.write(second, lines.subList(3, 5));
    Path idx = tmp.resolve("idx");
    Path out1 = tmp.resolve("o1");
    Path out2 = tmp.resolve("o2");
    assertEquals(0, Main.run("cluster", first.toString(), "--index", idx.toString(), "--output",
        out1.toString(), "--quiet"));
    assertEquals(0, Main.run("cluster", second.toString(), "--index", idx.toString(), "--output",
        out2.toString(), "--quiet"));
    assertEquals(clusters(out1).get("seed-000"), clusters(out2).get("seed-003"));
  }

  @Test
  void malformedLineIsReportedWithItsNumberAndNoOutputIsLeft() throws Exception {
    Path in = tmp.resolve("bad.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"x\"}\n{not json\n{\"text\":\"no id\"}\n");
    Path out = tmp.resolve("out.jsonl");
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int stop;
    int skip;
    try {
      stop = Main.run("cluster", in.toString(), "--output", out.toString(), "--quiet");
      assertFalse(Files.exists(out), "no half-written output");
      skip = Main.run("cluster", in.toString(), "--output", out.toString(), "--quiet",
          "--on-error", "skip");
    } finally {
      System.setErr(saved);
    }
    String messages = err.toString(StandardCharsets.UTF_8);
    assertNotEquals(0, stop);
    assertTrue(messages.contains("line 2: malformed JSON"), messages);
    assertTrue(messages.contains("line 3: missing or blank \"id\""), messages);
    assertEquals(0, skip);
    assertEquals(1, Files.readAllLines(out).size());
  }

  @Test
  void missingInputFails() {
    assertNotEquals(0, Main.run("cluster", tmp.resolve("nope.jsonl").toString(), "--quiet"));
  }

  @Test
  void folderOfTextAndHtmlFiles() throws Exception {
    Path dir = tmp.resolve("pages");
    Files.createDirectories(dir);
    String story = Files.readAllLines(SEEDS.resolve("articles.jsonl")).get(2);
    String text = new ObjectMapper().readTree(story).get("text").asText();
    Files.writeString(dir.resolve("one.txt"), text);
    Files.writeString(dir.resolve("two.html"), "<html><head><title>T</title></head><body><nav>Home"
        + "</nav><p>" + text.replace("\n\n", "</p><p>") + "</p></body></html>");
    Path out = tmp.resolve("out.jsonl");
    assertEquals(0, Main.run("cluster", dir.toString(), "--output", out.toString(), "--quiet"));
    Map<String, String> c = clusters(out);
    assertEquals(c.get("one"), c.get("two"));
  }

  @Test
  void siteOfAPage() {
    assertEquals("Japan Today", ArticleReader.site(org.jsoup.Jsoup.parse(
        "<html><head><meta property='og:site_name' content='Japan Today'></head></html>")));
    assertEquals("example.com", ArticleReader.site(org.jsoup.Jsoup.parse(
        "<html><head><link rel='canonical' href='https://www.example.com/a/b'></head></html>")));
    assertEquals("", ArticleReader.site(org.jsoup.Jsoup.parse("<p>no head</p>")));
  }

  @Test
  void metricsOnAKnownCase() {
    Map<String, String> gold = Map.of("a", "1", "b", "1", "c", "2", "d", "2");
    Map<String, String> pred = Map.of("a", "x", "b", "x", "c", "x", "d", "y");
    Metrics m = Metrics.of(gold, pred, null);
    assertEquals(1.0 / 3, m.precision(), 1e-12); // pairs ab, ac, bc predicted; ab right
    assertEquals(0.5, m.recall(), 1e-12);        // ab, cd gold; ab found
    Metrics perfect = Metrics.of(gold, Map.of("a", "p", "b", "p", "c", "q", "d", "q"), null);
    assertEquals(1.0, perfect.ari(), 1e-12);
    assertEquals(1.0, perfect.bcubedF1(), 1e-12);
  }

  @Test
  void embeddingExampleRuns() {
    assertEquals(2, EmbeddingExample.run());
  }
}
