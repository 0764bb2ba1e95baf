package com.storyclusters.examples;

import com.storyclusters.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The command's input: articles from a JSON Lines file or standard input ({@code -}), read by
 * {@link Jsonl#readArticles(Path, Jsonl.Sink)} (field names, date leniency and line-numbered
 * errors are its), or from a folder of {@code .txt} / {@code .html} files (one article each; the
 * id is the file name without extension).
 *
 * <p>In a folder, a symbolic link that leads outside the folder is skipped with a warning unless
 * links are followed ({@code --follow-links}); links within it are read. Two files that give the
 * same id ({@code a.txt} and {@code a.html}) are an error naming both, raised before any article
 * reaches the sink. Stateless; the sink is called on the calling thread, in input order.
 */
final class ArticleReader {
  /** The INPUT that means standard input. */
  static final String STDIN = "-";

  private ArticleReader() {}

  /**
   * Reads a JSONL file, standard input ({@code -}) or a folder into {@code sink}.
   *
   * @param followLinks in a folder, also read links that lead outside it
   * @throws IOException if the input is missing or unreadable, a folder's files clash, or the sink
   *     throws it
   */
  static void read(Path input, boolean followLinks, Jsonl.Sink<Article> sink)
      throws IOException {
    if (input.toString().equals(STDIN)) {
      Jsonl.readArticles(System.in, sink);
    } else if (Files.isDirectory(input)) {
      readFolder(input, followLinks, sink);
    } else if (Files.isRegularFile(input)) {
      Jsonl.readArticles(input, sink);
    } else {
      throw new IOException("input not found or unreadable: " + input);
    }
  }

  /** The files of a folder to read, in name order, after the link and clash checks. */
  static List<Path> files(Path dir, boolean followLinks, Jsonl.Sink<Article> sink)
      throws IOException {
    Path real = dir.toRealPath();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(p)
            || !(name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm"))) {
          continue;
        }
        if (!followLinks && Files.isSymbolicLink(p) && !p.toRealPath().startsWith(real)) {
          sink.warning("skipped " + p + ": a link to " + p.toRealPath() + ", outside " + dir
              + " (--follow-links reads it)");
          continue;
        }
        files.add(p);
      }
    }
    Map<String, Path> byId = new HashMap<>();
    for (Path p : files) {
      Path other = byId.putIfAbsent(id(p), p);
      if (other != null) {
        throw new IOException(other + " and " + p + " give the same id '" + id(p)
            + "' (the file name without extension); rename one");
      }
    }
    return files;
  }

  private static String id(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static void readFolder(Path dir, boolean followLinks, Jsonl.Sink<Article> sink)
      throws IOException {
    for (Path p : files(dir, followLinks, sink)) {
      String name = p.getFileName().toString();
      String id = id(p);
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
      Article article;
      try {
        if (name.toLowerCase(Locale.ROOT).endsWith("html")
            || name.toLowerCase(Locale.ROOT).endsWith("htm")) {
          Document doc = Jsoup.parse(content);
          doc.select("script, style, noscript").remove();
          String title = doc.title();
          doc.outputSettings().prettyPrint(false);
          for (var block : doc.select("p, div, h1, h2, h3, h4, li, br, tr, section, article")) {
            block.prependText("\n");
            block.appendText("\n");
          }
          String text = doc.body() == null ? "" : doc.body().wholeText();
          article = Article.builder(id).title(title).text(text).source(site(doc)).build();
        } else {
          article = Article.builder(id).text(content).build();
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(p + ": " + e.getMessage(), e);
      }
      sink.accept(article);
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
