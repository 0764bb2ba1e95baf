package com.storyclusters.examples;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;

/** The README's embedding example, kept compiling and run by a test. */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Adds two copies of one wire story and a different story; returns the number of clusters. */
  public static int run() {
    String wire = "Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae Myung "
        + "agreed Tuesday in their first face-to-face summit to build on the recent thaw in "
        + "relations and promote dialogue at the highest level.";
    try (StoryClusters sc = StoryClusters.builder().build()) {          // in memory; .directory(path) persists
      sc.add(Article.builder("kyodo-1").source("kyodo").text(wire).build());
      Article jt = Article.builder("jt-1").source("japantoday")
          .text("Get the app\n" + wire + "\nRelated: Skymark to operate flights").build();
      System.out.println("would join " + sc.match(jt).map(Assignment::clusterId)); // nothing added
      Assignment a = sc.add(jt);
      System.out.println(a.articleId() + " -> " + a.clusterId() + " via " + a.bestMatch().orElse("-"));
      sc.add(Article.of("other", "Skymark Airlines said Wednesday it will operate charter flights "
          + "between Kobe and Taipei in October, its first outbound flights since 2020."));
      return sc.clusters().size();                                      // 2
    }
  }

  public static void main(String[] args) {
    System.out.println(run() + " clusters");
  }
}
