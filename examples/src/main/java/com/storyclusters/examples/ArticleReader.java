package com.storyclusters.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storyclusters.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads articles from a JSON Lines file ({@code {"id","source","title","text","published",
 * "language"}}, id required) or from a folder of {@code .txt} / {@code .html} files (one article
 * each; the id is the file name without extension). Errors name the line number or path.
 */
final class ArticleReader {
  /** A malformed input record. */
  static final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    BadInputException(String message, long line) {
      super(message);
      this.line = line;
    }
  }

  /** Receives one parsed article or one bad line. */
  interface Sink {
    void article(Article article) throws Exception;

    /** Return true to go on, false to stop. */
    boolean bad(BadInputException e);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleReader() {}

  static void read(Path input, Sink sink) throws Exception {
    if (Files.isDirectory(input)) {
      readFolder(input, sink);
    } else if (Files.isRegularFile(input)) {
      readJsonl(input, sink);
    } else {
      throw new IOException("input not found or unreadable: " + input);
    }
  }

  private static void readJsonl(Path input, Sink sink) throws Exception {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader r = new BufferedReader(
        new java.io.InputStreamReader(Files.newInputStream(input), decoder), 1 << 16)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        Article a;
        try {
          a = parse(line, n);
        } catch (BadInputException e) {
          if (!sink.bad(e)) {
            return;
          }
          continue;
        }
        sink.article(a);
      }
    }
  }

  static Article parse(String line, long n) throws BadInputException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new BadInputException("line " + n + ": malformed JSON: "
          + e.getMessage().split("\n")[0], n);
    }
    if (node == null || !node.isObject()) {
      throw new BadInputException("line " + n + ": not a JSON object", n);
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || !id.isValueNode() || id.asText().isBlank()) {
      throw new BadInputException("line " + n + ": missing or blank \"id\"", n);
    }
    Instant published = null;
    try {
      published = time(text(node, "published"));
    } catch (DateTimeParseException e) {
      // The time is optional metadata: an impossible date (2014-09-31 occurs in real feeds) makes
      // it unknown rather than losing the article.
      System.err.println("storyclusters: line " + n + ": \"published\" is not a valid time ("
          + e.getParsedString() + "); taken as unknown");
    }
    return Article.builder(id.asText())
        .source(text(node, "source"))
        .title(text(node, "title"))
        .text(text(node, "text"))
        .published(published)
        .language(text(node, "language"))
        .build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Instant time(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(s);
    }
  }

  private static void readFolder(Path dir, Sink sink) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(p)
            && (name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm"));
      }).sorted().forEach(files::add);
    }
    for (Path p : files) {
      String name = p.getFileName().toString();
      String id = name.substring(0, name.lastIndexOf('.'));
      String content;
      try {
        content = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(p);
        } catch (IOException e2) {
          throw new IOException("cannot read " + p + ": " + e2.getMessage(), e2);
        }
        content = new String(bytes, StandardCharsets.UTF_8);
      }
      if (name.toLowerCase(java.util.Locale.ROOT).endsWith("html")
          || name.toLowerCase(java.util.Locale.ROOT).endsWith("htm")) {
        Document doc = Jsoup.parse(content);
        doc.select("script, style, noscript").remove();
        String title = doc.title();
        doc.outputSettings().prettyPrint(false);
        for (var block : doc.select("p, div, h1, h2, h3, h4, li, br, tr, section, article")) {
          block.prependText("\n");
          block.appendText("\n");
        }
        String text = doc.body() == null ? "" : doc.body().wholeText();
        sink.article(Article.builder(id).title(title).text(text).source(site(doc))
            .build());
      } else {
        sink.article(Article.builder(id).text(content).build());
      }
    }
  }

  /**
   * The publishing site of a page, so that its recurring chrome is learned per site: {@code
   * og:site_name}, else the host of the canonical or {@code og:url} link, else "" (unknown).
   */
  static String site(Document doc) {
    String name = doc.select("meta[property=og:site_name]").attr("content").trim();
    if (!name.isEmpty()) {
      return name;
    }
    for (String url : new String[] {doc.select("link[rel=canonical]").attr("href"),
        doc.select("meta[property=og:url]").attr("content")}) {
      try {
        String host = url.isBlank() ? null : java.net.URI.create(url.trim()).getHost();
        if (host != null) {
          return host.startsWith("www.") ? host.substring(4) : host;
        }
      } catch (IllegalArgumentException e) {
        // not a URL: try the next
      }
    }
    return "";
  }

  static void forEach(Path input, Consumer<Article> consumer) {
    try {
      read(input, new Sink() {
        @Override
        public void article(Article article) {
          consumer.accept(article);
        }

        @Override
        public boolean bad(BadInputException e) {
          throw new IllegalArgumentException(e.getMessage());
        }
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }
}
