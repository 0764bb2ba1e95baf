package com.example.news;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;

/** Groups a wire story and a site's copy of it, in an in-memory index. */
public final class App {
  private App() {}

  /** Prints which cluster the copy joined. */
  public static void main(String[] args) {
    String wire = "Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae Myung "
        + "agreed Tuesday in their first face-to-face summit to build on the recent thaw in "
        + "relations and promote dialogue at the highest level.";
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(Article.builder("kyodo-1").source("kyodo").text(wire).build());
      Assignment copy = sc.add(Article.builder("jt-1").source("japantoday")
          .text("Get the app\n" + wire).build());
      System.out.println(copy.articleId() + " -> " + copy.clusterId());
    }
  }
}
