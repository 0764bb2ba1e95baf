package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.StoryCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs run on the bundled seeds and do what their javadoc says. */
class ExamplesTest {
  private static final Path SEEDS = Path.of("../samples/seeds/articles.jsonl");
  @TempDir Path tmp;

  @Test
  void streamingAssignsEachLineAtOnceSkipsBadOnesAndEvictsOldArticles() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>(Files.readAllLines(SEEDS));
    lines.add(2, "{not json");
    // a copy of seed-000 published two years later: it still meets its original (eviction runs
    // after an add), then the window evicts everything published a year before it
    ObjectNode late = (ObjectNode) json.readTree(lines.get(0));
    late.put("id", "late-copy");
    late.put("published", "2027-06-18T00:00:00Z");
    lines.add(late.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int left = StreamingExample.run(new ByteArrayInputStream(String.join("\n", lines)
        .getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
        Duration.ofDays(365));
    List<String> printed = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    assertEquals(lines.size(), printed.size(), printed.toString());
    assertTrue(printed.get(2).startsWith("line 3 error: "), printed.get(2));
    assertTrue(printed.contains("seed-003 seed-000 seed-000"), printed.toString());
    assertEquals("late-copy seed-000 seed-000", printed.get(printed.size() - 1));
    assertEquals(1, left, "the window evicted the older articles");
  }

  @Test
  void aFolderOfHtmlPagesIsClusteredWithEachSitesChromeLearntPerSite() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(SEEDS)) {
      var a = json.readTree(line);
      StringBuilder body = new StringBuilder();
      for (String p : a.get("text").asText().split("\n")) {
        body.append("<p>").append(org.jsoup.nodes.Entities.escape(p)).append("</p>");
      }
      Files.writeString(tmp.resolve(a.get("id").asText() + ".html"), "<html><head><title>"
          + org.jsoup.nodes.Entities.escape(a.path("title").asText()) + "</title>"
          + "<meta property=\"og:site_name\" content=\"" + a.path("source").asText() + "\">"
          + "<script>var tracking = 1;</script></head><body>" + body + "</body></html>");
    }
    Files.writeString(tmp.resolve("notes.txt"), "not a page");
    List<StoryCluster> clusters = FolderExample.run(tmp);
    assertEquals(4, clusters.size(), clusters.toString());
    assertTrue(clusters.stream().anyMatch(c -> c.members().equals(List.of("seed-000",
        "seed-003"))), clusters.toString());
  }
}
