package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.storyclusters.Article;
import com.storyclusters.StoryClusters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storyclusters report} and {@code cluster --report}: the HTML page, parsed. */
class ReportTest {
  @TempDir Path tmp;
  private static final Path SEEDS = Path.of("../samples/seeds/articles.jsonl");
  private static final Path BBC = Path.of("../../shared/data/bbc-news/articles.jsonl");

  private Path index(String name, String... options) {
    Path dir = tmp.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("cluster", SEEDS.toString(), "--index",
        dir.toString(), "--output", tmp.resolve(name + ".jsonl").toString(), "--quiet"));
    args.addAll(List.of(options));
    assertEquals(0, Run.in(args.toArray(new String[0])).code());
    return dir;
  }

  private Document report(Path index) throws IOException {
    Path html = tmp.resolve(index.getFileName() + ".html");
    Run r = Run.in("report", "--index", index.toString(), "--output", html.toString());
    assertEquals(0, r.code(), r.err());
    return Jsoup.parse(html.toFile(), "UTF-8");
  }

  private static String number(Document d, String label) {
    for (Element row : d.select("#numbers tr")) {
      if (row.selectFirst("th").text().equals(label)) {
        return row.selectFirst("td").text();
      }
    }
    throw new AssertionError("no " + label);
  }

  /** Every file of a folder with its size and modification time. */
  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        out.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }

  private static void selfContained(Document d) {
    for (Element e : d.select("[src], [href], link, iframe, object, embed, img")) {
      String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertTrue(url.startsWith("#"), "only links within the page: " + e.outerHtml());
    }
    assertFalse(d.select("style").html().contains("url("), "no resource in the CSS");
    assertFalse(d.select("script").html().contains("http"), "the script loads nothing");
  }

  @Test
  void theSeedsReportShowsTheKyodoCopyBesideItsRepresentative() throws Exception {
    Path dir = index("seeds");
    Document d;
    // read-only: it works while another process (here: instance) holds the index for writing
    try (StoryClusters writer = StoryClusters.builder().directory(dir).build()) {
      Map<String, String> before = files(dir);
      d = report(dir);
      assertEquals(before, files(dir), "the report changes nothing in the index");
    }
    assertEquals("5", number(d, "articles"));
    assertEquals("4", number(d, "clusters"));
    assertEquals("1", number(d, "clusters with copies"));
    assertEquals("2", number(d, "articles in clusters with copies"));
    Element japanToday = d.select("#sources tr:has(td:containsOwn(japantoday))").first();
    assertEquals(List.of("japantoday", "1", "1", "0", "1"), japanToday.select("td").eachText());
    assertEquals("seed-000", d.selectFirst("#largest a").text());
    assertEquals("#c0", d.selectFirst("#largest a").attr("href"));

    Elements clusters = d.select("section.cluster");
    assertEquals(1, clusters.size());
    Element c = clusters.first();
    assertTrue(c.selectFirst("h2").text().contains("seed-000"));
    assertTrue(c.selectFirst(".first").text().contains("Published first: seed-000"),
        c.selectFirst(".first").text());
    Elements pair = c.select(".pair > .col");
    assertEquals(2, pair.size(), "the representative and the copy side by side");
    assertTrue(pair.get(0).hasClass("representative"));
    assertTrue(pair.get(0).selectFirst(".head").text().contains("seed-000"));
    assertTrue(pair.get(1).hasClass("copy"));
    String head = pair.get(1).selectFirst(".head").text();
    assertTrue(head.contains("seed-003") && head.contains("japantoday")
        && head.matches(".*score 0\\.\\d{3}, containment 0\\.\\d{3}, of match 0\\.\\d{3}, lead "
        + "verbatim 0\\.\\d{3} \\(against best match seed-000\\).*"), head);
    for (Element col : pair) {
      List<String> marks = col.select(".text mark").eachText();
      assertTrue(marks.stream().anyMatch(m -> m.contains("shigeru ishiba and south korean "
          + "president lee jae myung")), col.selectFirst(".head").text() + ": " + marks);
    }
    // the lines removed as boilerplate (the app's chrome before its headline), dimmed
    Element bp = pair.get(0).selectFirst(".bp");
    assertTrue(bp != null && bp.text().contains("overview logo"), String.valueOf(bp));
    assertTrue(d.selectFirst("style").html().contains(".bp{white-space:pre-wrap;color:#999"));

    assertEquals(ReportHtml.BINS, d.select("svg#histogram rect").size());
    assertTrue(d.selectFirst("svg#histogram").text().contains("1 pair scores"));
    assertEquals("search", d.selectFirst("input#filter").attr("type"));
    assertTrue(d.selectFirst("script").html().contains("getElementById('filter')"));
    assertTrue(d.select("#no-text").isEmpty());
    selfContained(d);
  }

  @Test
  void userTextIsEscaped() throws Exception {
    String text = "<script>alert('text')</script> " + String.join(" ", java.util.Collections
        .nCopies(40, "the same story told word for word <b>bold</b> & \"quoted\""));
    Path html = tmp.resolve("escape.html");
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(Article.builder("<script>alert('id')</script>").source("<i>src</i>").text(text)
          .build());
      sc.add(Article.builder("copy\"><img src=http://x/y>").source("s").text(text).build());
      Report.write(sc, html, "<script>alert('title')</script>");
    }
    String raw = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(raw.contains("&lt;script&gt;alert(&apos;id&apos;)&lt;/script&gt;"));
    Document d = Jsoup.parse(raw);
    assertEquals(1, d.select("script").size(), "only the page's own script");
    assertTrue(d.select("img, b:containsOwn(bold), i:containsOwn(src)").isEmpty(),
        "no markup from the articles");
    selfContained(d);
    Element c = d.selectFirst("section.cluster");
    assertTrue(c.selectFirst("h2").text().contains("<script>alert('id')</script>"));
    assertTrue(c.selectFirst(".copy .head").text().contains("copy\"><img src=http://x/y>"));
    assertTrue(c.selectFirst(".copy .text").text().contains("<b>bold</b> & \"quoted\""));
    assertTrue(d.selectFirst("#sources").text().contains("<i>src</i>"));
    assertTrue(d.title().contains("<script>alert('title')</script>"));
  }

  @Test
  void withoutStoredTextTheReportSaysSo() throws Exception {
    Document d = report(index("bare", "--no-store-text"));
    assertTrue(d.selectFirst("#no-text").text().contains("Text was not stored"));
    assertTrue(d.select(".text, .bp, .col mark").isEmpty(), "no texts");
    Element c = d.selectFirst("section.cluster");
    assertTrue(c.selectFirst(".representative .head").text().contains("seed-000"));
    assertTrue(c.selectFirst(".copy .head").text().contains("seed-003"));
    assertTrue(c.selectFirst(".copy .head").text().contains("score 0."));
    assertEquals("5", number(d, "articles"));
  }

  @Test
  void clusterWritesTheReportOfTheIndexItBuiltInMemoryToo() throws Exception {
    Path html = tmp.resolve("run.html");
    Run r = Run.in("cluster", SEEDS.toString(), "--output", tmp.resolve("o.jsonl").toString(),
        "--report", html.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    Document d = Jsoup.parse(html.toFile(), "UTF-8");
    assertTrue(d.selectFirst("p.meta").text().startsWith("input "));
    assertEquals("5", number(d, "articles"));
    Element c = d.selectFirst("section.cluster");
    assertEquals(2, c.select(".pair > .col").size());
    assertFalse(c.select(".copy .text mark").isEmpty());
    // on disk: the same page as report --index gives
    Path dir = tmp.resolve("idx");
    Path second = tmp.resolve("second.html");
    assertEquals(0, Run.in("cluster", SEEDS.toString(), "--index", dir.toString(), "--output",
        tmp.resolve("p.jsonl").toString(), "--report", second.toString(), "--quiet").code());
    report(dir);
    assertEquals(Files.readString(second), Files.readString(tmp.resolve("idx.html")));
  }

  @Test
  void failuresAreOneLineAndLeaveNothing() throws Exception {
    Run missing = Run.in("report", "--index", tmp.resolve("nope").toString(), "--output",
        tmp.resolve("r.html").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.oneErrorLine() && missing.err().contains("no index at"), missing.err());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Run notAnIndex = Run.in("report", "--index", empty.toString(), "--output",
        tmp.resolve("r.html").toString());
    assertEquals(1, notAnIndex.code());
    assertTrue(notAnIndex.oneErrorLine(), notAnIndex.err());
    Run folder = Run.in("report", "--index", index("seeds").toString(), "--output",
        empty.toString());
    assertEquals(1, folder.code());
    assertTrue(folder.oneErrorLine() && folder.err().contains("is a folder"), folder.err());
    assertFalse(Files.exists(tmp.resolve("r.html")));
    try (Stream<Path> s = Files.list(empty)) {
      assertEquals(0, s.count(), "no temporary file left");
    }
  }

  /** 5,000 generated articles: the page stays small and every cap holds. */
  @Test
  void aGeneratedCorpusStaysUnderTwoMegabytes() throws Exception {
    assumeTrue(Files.isRegularFile(BBC), "needs " + BBC);
    Path articles = tmp.resolve("a5k.jsonl");
    assertEquals(0, Run.in("generate", "--articles", "5000", "--output", articles.toString(),
        "--gold", tmp.resolve("g5k.jsonl").toString(), "--source", BBC.toString()).code());
    Path dir = tmp.resolve("idx5k");
    assertEquals(0, Run.in("cluster", articles.toString(), "--index", dir.toString(), "--output",
        tmp.resolve("o5k.jsonl").toString(), "--quiet").code());
    long start = System.nanoTime();
    Document d = report(dir);
    long ms = (System.nanoTime() - start) / 1_000_000;
    long size = Files.size(tmp.resolve("idx5k.html"));
    System.out.printf("report of 5,000 generated articles: %,d bytes in %,d ms%n", size, ms);
    assertTrue(size < 2_000_000, "report is " + size + " bytes");
    ReportModel.Caps caps = ReportModel.Caps.DEFAULT;
    Elements clusters = d.select("section.cluster");
    int withCopies = Integer.parseInt(number(d, "clusters with copies").replace(",", ""));
    assertTrue(withCopies > caps.fullClusters(), "more clusters than shown: " + withCopies);
    assertEquals(caps.fullClusters(), clusters.size());
    int previous = Integer.MAX_VALUE;
    for (int i = 0; i < clusters.size(); i++) {
      Element c = clusters.get(i);
      int size2 = Integer.parseInt(c.selectFirst("h2 small").text().split(" ")[0]);
      assertTrue(size2 <= previous, "largest first");
      previous = size2;
      assertTrue(c.select(".pair").size() <= caps.pairs(i));
      assertTrue(c.select("table.more tr").size() <= caps.copyRows() + 1);
      for (Element t : c.select(".text")) {
        assertTrue(t.wholeText().replace("…(cut)", "").length() <= caps.textChars());
      }
    }
    assertEquals(Math.min(caps.listed(), withCopies - caps.fullClusters()),
        d.select("#rest li").size());
    assertTrue(d.select(".cut").size() <= d.select(".text").size());
    selfContained(d);
  }
}
