package com.storyclusters.examples;

import com.storyclusters.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The command's input: articles from a JSON Lines file (read by {@link Jsonl#readArticles(Path,
 * Jsonl.Sink)}: field names, date leniency and line-numbered errors are its) or from a folder of
 * {@code .txt} / {@code .html} files (one article each; the id is the file name without
 * extension). Stateless; the sink is called on the calling thread, in input order.
 */
final class ArticleReader {
  private ArticleReader() {}

  /**
   * Reads a JSONL file or a folder into {@code sink}.
   *
   * @throws IOException if the input is missing or unreadable, or the sink throws it
   */
  static void read(Path input, Jsonl.Sink<Article> sink) throws IOException {
    if (Files.isDirectory(input)) {
      readFolder(input, sink);
    } else if (Files.isRegularFile(input)) {
      Jsonl.readArticles(input, sink);
    } else {
      throw new IOException("input not found or unreadable: " + input);
    }
  }

  private static void readFolder(Path dir, Jsonl.Sink<Article> sink) throws IOException {
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
        sink.accept(Article.builder(id).title(title).text(text).source(site(doc))
            .build());
      } else {
        sink.accept(Article.builder(id).text(content).build());
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
}
