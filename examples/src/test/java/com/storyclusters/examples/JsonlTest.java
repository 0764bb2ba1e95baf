package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.Article;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTest {
  @TempDir Path tmp;

  @Test
  void articlesWithBadLinesAndLenientDates() throws Exception {
    Path in = tmp.resolve("a.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"source\":\"s\",\"title\":\"t\",\"text\":\"x\","
        + "\"published\":\"2025-01-31\",\"language\":\"en\"}\n\n{not json\n{\"text\":\"no id\"}\n"
        + "[1]\n{\"id\":\"b\",\"published\":\"2014-09-31\"}\n"
        + "{\"id\":3,\"published\":\"2020-01-01T10:00:00+01:00\",\"text\":null}\n");
    List<Article> articles = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Jsonl.readArticles(in, new Jsonl.Sink<Article>() {
      @Override
      public void accept(Article a) {
        articles.add(a);
      }

      @Override
      public boolean bad(Jsonl.BadLineException e) {
        bad.add(e.line() + "|" + e.getMessage());
        return true;
      }

      @Override
      public void warning(String message) {
        warnings.add(message);
      }
    });
    assertEquals(3, articles.size());
    Article a = articles.get(0);
    assertEquals("s", a.source());
    assertEquals("t", a.title());
    assertEquals("x", a.text());
    assertEquals(Instant.parse("2025-01-31T00:00:00Z"), a.published().orElseThrow());
    assertTrue(articles.get(1).published().isEmpty());
    assertEquals("3", articles.get(2).id());
    assertEquals(Instant.parse("2020-01-01T09:00:00Z"), articles.get(2).published().orElseThrow());
    assertEquals(3, bad.size(), bad.toString());
    assertTrue(bad.get(0).startsWith("3|line 3: malformed JSON: "), bad.get(0));
    assertEquals("4|line 4: missing or blank \"id\"", bad.get(1));
    assertEquals("5|line 5: not a JSON object", bad.get(2));
    assertEquals(List.of("line 6: \"published\" is not a valid time (2014-09-31); taken as "
        + "unknown"), warnings);

    IOException e = assertThrows(IOException.class, () -> Jsonl.readArticles(in));
    assertTrue(e.getMessage().startsWith(in + ": line 3: malformed JSON: "), e.getMessage());
  }

  @Test
  void stopsWhenTheSinkSays() throws Exception {
    Path in = tmp.resolve("a.jsonl");
    Files.writeString(in, "{\"id\":\"a\"}\n{}\n{\"id\":\"b\"}\n");
    List<Article> articles = new ArrayList<>();
    Jsonl.readArticles(in, new Jsonl.Sink<Article>() {
      @Override
      public void accept(Article a) {
        articles.add(a);
      }

      @Override
      public boolean bad(Jsonl.BadLineException e) {
        return false;
      }
    });
    assertEquals(1, articles.size());
  }

  @Test
  void recordsAndAssignments() throws Exception {
    Path gold = tmp.resolve("g.jsonl");
    Files.writeString(gold, "{\"id\":\"a\",\"cluster\":\"1\",\"label\":\"WD\"}\r\n"
        + "{\"id\":\"b\",\"cluster\":2}\n");
    var maps = Metrics.readAssignments(gold);
    assertEquals("1", maps[0].get("a"));
    assertEquals("2", maps[0].get("b"));
    assertEquals("WD", maps[1].get("a"));
    assertNull(maps[1].get("b"));
    Files.writeString(gold, "{\"id\":\"a\",\"cluster\":\"1\"}\n{\"id\":\"b\"}\n");
    IOException e = assertThrows(IOException.class, () -> Metrics.readAssignments(gold));
    assertEquals(gold + ": line 2: needs \"id\" and \"cluster\"", e.getMessage());
  }

  @Test
  void malformedUtf8IsReplacedNotFatal() throws Exception {
    Path in = tmp.resolve("a.jsonl");
    byte[] head = "{\"id\":\"a\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xE9; // Latin-1 e-acute, invalid as UTF-8
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    Files.write(in, all);
    assertEquals("caf\uFFFD", Jsonl.readArticles(in).get(0).text());
  }

  @Test
  void writesWhatItReads() throws Exception {
    var node = Jsonl.newObject();
    node.put("id", "x\ny");
    node.put("text", "\"quoted\"");
    String line = Jsonl.write(node);
    assertTrue(!line.contains("\n"), line);
    assertEquals(node, Jsonl.object(line, 1));
    StringWriter articles = new StringWriter();
    new CorpusGenerator(List.of("one two three\nfour five six"), List.of("title"), 1)
        .write(3, articles, new StringWriter());
    Path in = tmp.resolve("gen.jsonl");
    Files.writeString(in, articles.toString());
    assertEquals(3, Jsonl.readArticles(in).size());
  }
}
