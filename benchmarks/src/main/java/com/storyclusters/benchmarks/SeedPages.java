package com.storyclusters.benchmarks;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import com.storyclusters.examples.Jsonl;
import com.storyclusters.examples.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Multi-story pages built from the five seeds, clustered with them in small indexes: each page is
 * one seed's text with one or two seeds of other stories appended as related articles, under the
 * first seed's title, and belongs to the first seed's story. For each way of naming the pages'
 * sites (each page on its first seed's own site; all on one site; each on a site of its own),
 * {@code --orders} random inputs of 2, 4, 6 or 8 pages and the five seeds in a shuffled order,
 * then all pages before the seeds; per input, the pairs put together against the gold stories
 * (false) and the pairs of one story kept apart (missed). Deterministic for a seed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.storyclusters.benchmarks.SeedPages \
 *     [--data ../shared/data] [--orders 16] [--seed 11]
 * </pre>
 */
public final class SeedPages {
  private SeedPages() {}

  /** Per way of naming the pages' sites: the counts {@link #main} prints. */
  record Result(String pages, int inputs, int imperfect, long wrong, long missed,
      long wrongAllFirst, long missedAllFirst, int pageCount) {}

  /** The ways of naming the pages' sites, by name: page number and first seed to a source. */
  static final Map<String, BiFunction<Integer, Article, String>> SITES = sites();

  private static Map<String, BiFunction<Integer, Article, String>> sites() {
    Map<String, BiFunction<Integer, Article, String>> sites = new java.util.LinkedHashMap<>();
    sites.put("each page on its first seed's site", (n, first) -> first.source());
    sites.put("all pages on one site", (n, first) -> "site-x");
    sites.put("each page on a site of its own", (n, first) -> "site-" + n);
    return sites;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/data");
    int orders = 16;
    long seed = 11;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "%-36s %8s %10s %6s %7s   %s%n", "pages", "inputs",
        "imperfect", "false", "missed", "all pages first: false, missed");
    for (Result r : run(data.resolve("seeds"), orders, seed)) {
      System.out.printf(Locale.ROOT, "%-36s %8d %10d %6d %7d   %d, %d (%d pages)%n", r.pages(),
          r.inputs(), r.imperfect(), r.wrong(), r.missed(), r.wrongAllFirst(),
          r.missedAllFirst(), r.pageCount());
    }
  }

  /**
   * Clusters the pages built from the seeds in {@code seedsDir} ({@code articles.jsonl}, {@code
   * gold-copies.jsonl}): {@code orders} random inputs per way of naming the sites, then all pages
   * first.
   */
  static List<Result> run(Path seedsDir, int orders, long seed) throws IOException {
    List<Article> seeds = Jsonl.readArticles(seedsDir.resolve("articles.jsonl"));
    Map<String, String> story = Metrics.readAssignments(
        seedsDir.resolve("gold-copies.jsonl"))[0];
    List<Result> results = new ArrayList<>();
    for (var e : SITES.entrySet()) {
      Map<String, String> gold = new HashMap<>(story);
      List<Article> pages = pages(seeds, story, e.getValue(), gold);
      Random random = new Random(seed);
      int imperfect = 0;
      long[] total = new long[2];
      for (int k = 0; k < orders; k++) {
        List<Article> input = new ArrayList<>(pages);
        Collections.shuffle(input, random);
        input = new ArrayList<>(input.subList(0, 2 * (1 + random.nextInt(4))));
        input.addAll(seeds);
        Collections.shuffle(input, random);
        long[] errors = errors(input, gold);
        imperfect += errors[0] + errors[1] > 0 ? 1 : 0;
        total[0] += errors[0];
        total[1] += errors[1];
      }
      List<Article> pagesFirst = new ArrayList<>(pages);
      pagesFirst.addAll(seeds);
      long[] first = errors(pagesFirst, gold);
      results.add(new Result(e.getKey(), orders, imperfect, total[0], total[1], first[0],
          first[1], pages.size()));
    }
    return results;
  }

  /** Every page of two stories, and of three, for each ordered pair of seeds of two stories. */
  private static List<Article> pages(List<Article> seeds, Map<String, String> story,
      BiFunction<Integer, Article, String> site, Map<String, String> gold) {
    List<Article> out = new ArrayList<>();
    for (Article a : seeds) {
      for (Article b : seeds) {
        if (story.get(a.id()).equals(story.get(b.id()))) {
          continue;
        }
        Article third = seeds.stream().filter(c -> !story.get(c.id()).equals(story.get(a.id()))
            && !story.get(c.id()).equals(story.get(b.id()))).findFirst().orElseThrow();
        for (List<Article> related : List.of(List.of(b), List.of(b, third))) {
          String id = "page-" + (out.size() + 1);
          StringBuilder text = new StringBuilder(a.text());
          for (Article r : related) {
            text.append("\n\nRelated articles\n\n").append(r.title()).append('\n')
                .append(r.text());
          }
          out.add(Article.builder(id).source(site.apply(out.size() + 1, a)).title(a.title())
              .text(text.toString()).build());
          gold.put(id, story.get(a.id()));
        }
      }
    }
    return out;
  }

  /** Pairs clustered together against the gold stories, and pairs of one story kept apart. */
  private static long[] errors(List<Article> input, Map<String, String> gold) {
    Map<String, String> cluster = new HashMap<>();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      for (Assignment a : sc.addAll(input, 2)) {
        cluster.put(a.articleId(), a.clusterId());
      }
    }
    long[] errors = new long[2];
    for (int i = 0; i < input.size(); i++) {
      for (int j = i + 1; j < input.size(); j++) {
        String x = input.get(i).id();
        String y = input.get(j).id();
        boolean together = cluster.get(x).equals(cluster.get(y));
        boolean same = gold.get(x).equals(gold.get(y));
        errors[0] += together && !same ? 1 : 0;
        errors[1] += same && !together ? 1 : 0;
      }
    }
    return errors;
  }
}
