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

  /** Two objects on one line are refused, never read as the first alone (the second lost). */
  @Test
  void aLineHoldingTwoObjectsIsABadLine() {
    Jsonl.BadLineException e = org.junit.jupiter.api.Assertions.assertThrows(
        Jsonl.BadLineException.class,
        () -> Jsonl.object("{\"id\":\"a\",\"text\":\"x\"} {\"id\":\"b\",\"text\":\"y\"}", 4));
    org.junit.jupiter.api.Assertions.assertEquals("line 4: more than one JSON value",
        e.getMessage());
  }

  @Test
  void articlesWithBadLinesAndLenientDates() throws Exception {
    Path in = tmp.resolve("a.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"source\":\"s\",\"title\":\"t\",\"text\":\"x\","
        + "\"published\":\"2025-01-31\",\"language\":\"en\"}\n\n{not json\n{\"text\":\"no id\"}\n"
        + "[1]\n{\"id\":\"b\",\"published\":\"2014-09-31\"}\n"
        + "{\"id\":\"3\",\"published\":\"2020-01-01T10:00:00+01:00\",\"text\":null}\n");
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

  /** Collects what a read hands on: articles, bad lines ("N|message") and warnings. */
  static final class Collected implements Jsonl.Sink<Article> {
    final List<Article> articles = new ArrayList<>();
    final List<String> bad = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

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

    List<String> ids() {
      return articles.stream().map(Article::id).toList();
    }
  }

  private Collected read(byte[] bytes) throws IOException {
    Path in = tmp.resolve("in.jsonl");
    Files.write(in, bytes);
    Collected c = new Collected();
    Jsonl.readArticles(in, c);
    return c;
  }

  private Collected read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFieldOfTheWrongTypeIsABadLineNotCoerced() throws Exception {
    Collected c = read("{\"id\":\"a\",\"text\":5}\n{\"id\":12,\"text\":\"x\"}\n"
        + "{\"id\":\"b\",\"title\":{}}\n{\"id\":\"c\",\"published\":[1]}\n"
        + "{\"id\":\"d\",\"text\":\"fine\",\"source\":null}\n");
    assertEquals(List.of("1|line 1: field 'text' must be a string",
        "2|line 2: field 'id' must be a string", "3|line 3: field 'title' must be a string",
        "4|line 4: field 'published' must be a string"), c.bad);
    assertEquals(List.of("d"), c.ids());
  }

  @Test
  void aByteOrderMarkIsSkippedAndCarriageReturnsDropped() throws Exception {
    byte[] text = "{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\"}".getBytes(
        StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Collected c = read(withBom);
    assertEquals(List.of(), c.bad);
    assertEquals(List.of("a", "b"), c.ids());
    assertEquals("x", c.articles.get(0).text());
  }

  /**
   * Two ids that differ only in bytes that are not UTF-8 would both become "caf\uFFFD": the
   * lines are refused, naming them, and the others are kept.
   */
  @Test
  void anIdThatIsNotUtf8IsABadLine() throws Exception {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.write("{\"id\":\"caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9);
    b.write("\",\"text\":\"x\"}\n{\"id\":\"caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE8);
    b.write("\"}\n{\"id\":\"ok\uFFFD\",\"text\":\"t".getBytes(StandardCharsets.UTF_8));
    b.write(0xFF);
    b.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    Collected c = read(b.toByteArray());
    assertEquals(List.of("1|line 1: \"id\" holds bytes that are not UTF-8",
        "2|line 2: \"id\" holds bytes that are not UTF-8"), c.bad);
    assertEquals(List.of("ok\uFFFD"), c.ids(), "a real U+FFFD in an id is fine");
    assertEquals("t\uFFFD", c.articles.get(0).text());
  }

  /** Ids core refuses (unpaired surrogate, over 4,096 bytes) are bad lines; no other is lost. */
  @Test
  void anArticleCoreRefusesIsABadLine() throws Exception {
    Collected c = read("{\"id\":\"a\"}\n{\"id\":\"x\\ud800\"}\n{\"id\":\""
        + "i".repeat(Article.MAX_ID_BYTES + 1) + "\"}\n{\"id\":\"s\",\"source\":\""
        + "s".repeat(Article.MAX_ID_BYTES + 1) + "\"}\n{\"id\":\"b\"}\n");
    assertEquals(List.of("a", "b"), c.ids());
    assertEquals(3, c.bad.size(), c.bad.toString());
    assertTrue(c.bad.get(0).startsWith("2|line 2: article id 'x\\ud800' holds an unpaired "
        + "surrogate"), c.bad.get(0));
    assertTrue(c.bad.get(1).startsWith("3|line 3: article id 'iii"), c.bad.get(1));
    assertTrue(c.bad.get(1).endsWith("4097 bytes in UTF-8; at most 4096 are allowed"),
        c.bad.get(1));
    assertTrue(c.bad.get(2).startsWith("4|line 4: article 's': source is 4097 bytes"),
        c.bad.get(2));
  }

  /** A line over the limit gets a size error (not "malformed JSON"); the next line is read. */
  @Test
  void aLineOverTheLimitGetsASizeError() throws Exception {
    String huge = "{\"id\":\"big\",\"text\":\"" + "w".repeat(Jsonl.MAX_LINE_BYTES) + "\"}";
    Collected c = read("{\"id\":\"a\"}\n" + huge + "\n{\"id\":\"b\"}\n");
    assertEquals(List.of(String.format(java.util.Locale.ROOT, "2|line 2: line is %,d bytes; at "
        + "most %,d", huge.length(), Jsonl.MAX_LINE_BYTES)), c.bad);
    assertEquals(List.of("a", "b"), c.ids());
    String head = "{\"id\":\"fits\",\"text\":\"";
    int textLength = Jsonl.MAX_LINE_BYTES - head.length() - 2;
    String justFits = head + "w".repeat(textLength) + "\"}";
    assertEquals(Jsonl.MAX_LINE_BYTES, justFits.length());
    Collected fits = read(justFits + "\r\n");
    assertEquals(List.of(), fits.bad, "the line break does not count; Jackson takes the string");
    assertEquals(textLength, fits.articles.get(0).text().length());
  }

  /**
   * A time beyond epoch milliseconds ("+999999999-...") is treated as an impossible date: a
   * warning, the article kept with an unknown time (it used to abort the run in core).
   */
  @Test
  void aTimeBeyondEpochMillisIsUnknownWithAWarning() throws Exception {
    Collected c = read("{\"id\":\"a\",\"published\":\"+999999999-01-01T00:00:00Z\"}\n"
        + "{\"id\":\"b\",\"published\":\"-999999999-01-01T00:00:00Z\"}\n"
        + "{\"id\":\"c\",\"published\":\"+292278994-08-17T07:12:55.806Z\"}\n");
    assertEquals(List.of("a", "b", "c"), c.ids());
    assertTrue(c.articles.get(0).published().isEmpty());
    assertTrue(c.articles.get(1).published().isEmpty());
    assertEquals(Long.MAX_VALUE - 1, c.articles.get(2).published().orElseThrow().toEpochMilli());
    assertEquals(List.of("line 1: \"published\" is not a valid time "
        + "(+999999999-01-01T00:00:00Z); taken as unknown", "line 2: \"published\" is not a "
        + "valid time (-999999999-01-01T00:00:00Z); taken as unknown"), c.warnings);
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
