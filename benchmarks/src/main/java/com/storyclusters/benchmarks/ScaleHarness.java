package com.storyclusters.benchmarks;

import com.storyclusters.Article;
import com.storyclusters.Settings;
import com.storyclusters.StoryClusters;
import com.storyclusters.examples.CorpusGenerator;
import com.storyclusters.examples.Jsonl;
import com.storyclusters.minhash.MinHasher;
import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How cost grows with the index: for each size N, generates N syndicated articles (from the BBC
 * set under {@code --data}), clusters them into an on-disk index with the defaults (two
 * fingerprinting threads, assignment in order), then measures in the same run:
 * <ul>
 *   <li>throughput of the whole run, and as a ratio to a baseline of fingerprinting alone
 *       (normalize, shingle, MinHash; one thread) on the same articles;</li>
 *   <li>heap held per indexed article (used heap after GC, minus the same before the index);</li>
 *   <li>index bytes on disk per article, after commit;</li>
 *   <li>add latency p50 and p99 over 1,000 further single adds with N indexed;</li>
 *   <li>open time: reopening the index, which rebuilds everything held in memory from it, and
 *       the heap held per article after that open (what a restarted service holds).</li>
 * </ul>
 * {@code --no-store-text} builds the index without texts. {@code --breakdown} adds two lines per
 * size: the heap's largest structures and the evidence scratch file ({@link HeapBreakdown}), and
 * what the index folder's bytes hold ({@link DiskBreakdown}), in bytes an article. {@code --floor}
 * cuts the clustering down to one anchor looked up and one candidate scored an article ({@code
 * maxAnchors(1)}, {@code maxCandidates(1)}; the clusters are not the defaults'): what the rest of
 * the run (fingerprinting, statistics, indexing, the collector and the compilers) leaves of the
 * throughput, however fast candidates were found and scored.
 * <pre>
 * java -Xmx8g -XX:+UseParallelGC -Xmn512m -XX:MaxInlineLevel=6 -XX:FreqInlineSize=100 \
 *     -XX:InlineSmallCode=500 -cp benchmarks/target/benchmarks.jar \
 *     com.storyclusters.benchmarks.ScaleHarness --data ../shared/data 10000 100000
 * </pre>
 */
public final class ScaleHarness {
  private ScaleHarness() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("../shared/data");
    List<Integer> sizes = new ArrayList<>();
    boolean storeText = true;
    boolean breakdown = false;
    boolean floor = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--no-store-text")) {
        storeText = false;
      } else if (args[i].equals("--breakdown")) {
        breakdown = true;
      } else if (args[i].equals("--floor")) {
        floor = true;
      } else if (args[i].equals("--data")) {
        data = Path.of(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000);
    }
    List<Article> bbc = Jsonl.readArticles(data.resolve("bbc-news/articles.jsonl"));
    List<String> texts = bbc.stream().map(Article::text).toList();
    List<String> titles = bbc.stream().map(Article::title).toList();
    System.out.printf(Locale.ROOT, "%10s %10s %12s %10s %12s %12s %9s %9s %9s %14s%n", "articles",
        "articles/s", "fingerprint/s", "ratio", "heap B/art", "disk B/art", "add p50",
        "add p99", "open", "heap open B/art");
    for (int n : sizes) {
      List<Article> articles = generate(texts, titles, n + 1000);
      List<Article> body = articles.subList(0, n);
      List<Article> probe = articles.subList(n, n + 1000);
      double fingerprintRate = fingerprintOnly(body);
      Path dir = Files.createTempDirectory("storyclusters-scale");
      long before = usedHeap();
      long start = System.nanoTime();
      double rate;
      long heap;
      Map<String, Long> parts = null;
      long[] latencies = new long[probe.size()];
      Settings.Builder settings = StoryClusters.builder().directory(dir).storeText(storeText);
      if (floor) {
        settings.maxAnchors(1).maxCandidates(1);
      }
      try (StoryClusters sc = settings.build()) {
        for (int i = 0; i < n; i += 2048) {
          sc.addAll(body.subList(i, Math.min(n, i + 2048)), 2);
        }
        rate = n / ((System.nanoTime() - start) / 1e9);
        sc.commit();
        heap = usedHeap() - before;
        if (breakdown) {
          parts = HeapBreakdown.of(sc);
        }
        for (int i = 0; i < probe.size(); i++) {
          long t = System.nanoTime();
          sc.add(probe.get(i));
          latencies[i] = System.nanoTime() - t;
        }
        Arrays.sort(latencies);
      }
      long disk = size(dir);
      Map<String, Long> diskParts = breakdown ? DiskBreakdown.of(dir) : null;
      long opening = System.nanoTime(); // everything in memory is rebuilt from the index
      long heapOpen;
      try (StoryClusters sc = settings.build()) {
        opening = System.nanoTime() - opening;
        heapOpen = (usedHeap() - before) / (n + probe.size()); // what a restarted service holds
      }
      System.out.printf(Locale.ROOT,
          "%10d %10.0f %12.0f %10.3f %12d %12d %7.2fms %7.2fms %8.1fs %14d%n",
          n, rate, fingerprintRate, rate / fingerprintRate, heap / n, disk / (n + probe.size()),
          latencies[latencies.length / 2] / 1e6, latencies[latencies.length * 99 / 100] / 1e6,
          opening / 1e9, heapOpen);
      if (parts != null) {
        long named = 0;
        StringBuilder line = new StringBuilder("  bytes an article:");
        for (Map.Entry<String, Long> e : parts.entrySet()) {
          if (!e.getKey().equals("scratch file")) {
            named += e.getValue();
          }
          line.append(String.format(Locale.ROOT, " %s %d;", e.getKey(), e.getValue() / n));
        }
        line.append(String.format(Locale.ROOT, " the rest of the heap %d", (heap - named) / n));
        System.out.println(line);
        System.out.println(DiskBreakdown.line(diskParts, n + probe.size()));
      }
      delete(dir);
    }
  }

  static List<Article> generate(List<String> texts, List<String> titles, int n) throws IOException {
    Path tmp = Files.createTempFile("storyclusters-scale", ".jsonl");
    try {
      try (var out = Files.newBufferedWriter(tmp)) {
        new CorpusGenerator(texts, titles, 1).write(n, out, java.io.Writer.nullWriter());
      }
      return Jsonl.readArticles(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Baseline: the fingerprint alone (normalize, shingle, MinHash), one thread. */
  static double fingerprintOnly(List<Article> articles) {
    Shingler shingler = new Shingler(2);
    MinHasher hasher = new MinHasher(128, 0x53544F5259L, MinHasher.Scheme.ONE_PERMUTATION);
    long sink = 0;
    long start = System.nanoTime();
    for (Article a : articles) {
      String t = TextNormalizer.get().normalize(a.text());
      shingler.reset();
      shingler.add(t, 0, t.length());
      shingler.finish();
      sink += hasher.signature(shingler.buffer(), shingler.count(), shingler.count()).value(0);
    }
    double rate = articles.size() / ((System.nanoTime() - start) / 1e9);
    return sink == 42 ? rate + 1e-9 : rate;
  }

  static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static long size(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
