package com.storyclusters.examples;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryCluster;
import com.storyclusters.StoryClusters;
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
 * Clusters a folder of saved HTML pages, as a crawler leaves them: each page's text is taken from
 * its body (scripts and styles dropped, block elements as lines), its title from {@code <title>},
 * its source from {@code og:site_name} (else the canonical URL's host), so that each site's chrome
 * is learnt per site. Prints every cluster with copies.
 *
 * <pre>
 * java -cp examples/target/storyclusters.jar com.storyclusters.examples.FolderExample pages/
 * </pre>
 */
public final class FolderExample {
  private FolderExample() {}

  /** Clusters the {@code .html} files of {@code folder}, in name order; returns the clusters. */
  public static List<StoryCluster> run(Path folder) throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(folder)) {
      pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
    }
    List<Article> articles = new ArrayList<>();
    for (Path page : pages) {
      Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
      doc.select("script, style, noscript").remove();
      for (var block : doc.select("p, div, h1, h2, h3, li, br")) {
        block.prependText("\n");
        block.appendText("\n");
      }
      String name = page.getFileName().toString();
      articles.add(Article.builder(name.substring(0, name.length() - ".html".length()))
          .source(ArticleReader.site(doc)).title(doc.title())
          .text(doc.body() == null ? "" : doc.body().wholeText()).build());
    }
    try (StoryClusters sc = StoryClusters.builder().build()) {
      for (Assignment a : sc.addAll(articles, Runtime.getRuntime().availableProcessors())) {
        a.bestMatch().ifPresent(m -> System.out.println(a.articleId() + " copies " + m));
      }
      return sc.clusters();
    }
  }

  public static void main(String[] args) throws IOException {
    for (StoryCluster c : run(Path.of(args.length > 0 ? args[0] : "."))) {
      if (c.members().size() > 1) {
        System.out.println(c.id() + ": " + c.members());
      }
    }
  }
}
