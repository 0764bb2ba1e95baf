package com.storyclusters.benchmarks;

import com.storyclusters.boilerplate.LineCounts;
import com.storyclusters.Article;
import com.storyclusters.examples.Jsonl;
import com.storyclusters.fingerprint.Fingerprint;
import com.storyclusters.fingerprint.Prepared;
import com.storyclusters.minhash.MinHasher;
import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fingerprinting throughput, one thread, ~4 KB news documents (pairs of BBC articles from {@code
 * -Dstoryclusters.data}, default {@code ../shared/data}; synthetic text from a fixed seed where the
 * data is absent), word 2-shingles (the default shingle size), 128 values. Three methods on the
 * same corpus in one run: {@code storyclusters} (exactly what an add runs before it looks for
 * candidates: {@link Prepared#of} (normalize, lines, title and headline, tokenize, shingle) and
 * {@link Fingerprint#select} (boilerplate filter, lead, distinct set, one-permutation MinHash,
 * sketch)), {@code luceneMinHashFilter} (StandardTokenizer → LowerCaseFilter →
 * ShingleFilter(2,2) → MinHashFilter(1,128,1,true)) and {@code hashFloor} (a char loop that splits
 * words and hashes each 2-shingle, nothing else). Each invocation processes one document: ops/s =
 * documents/s. The fork runs with the collector options {@code ./storyclusters} runs with (the
 * throughput collector, a 512 MiB young generation; not its JIT options): with the JVM's default collector a run of
 * {@code storyclusters} had an error bar of ±60%, with these ±1-4% (README, Performance).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmn512m"}) // ./storyclusters' collector
public class FingerprintBenchmark {
  private List<String> docs;
  private int next;
  private static final int N = 2;
  private final Shingler shingler = new Shingler(N);
  private final MinHasher hasher = new MinHasher(128, 0x53544F5259L,
      MinHasher.Scheme.ONE_PERMUTATION);

  @Setup
  public void setup() throws IOException {
    docs = corpus(500);
  }

  /** ~4 KB documents: real BBC text when available, otherwise seeded synthetic text. */
  static List<String> corpus(int n) throws IOException {
    Path file = Path.of(System.getProperty("storyclusters.data", "../shared/data"),
        "bbc-news", "articles.jsonl");
    List<String> texts = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (var a : Jsonl.readArticles(file)) {
        texts.add(a.text());
      }
    } else {
      Random r = new Random(42);
      String[] words = "the government said on tuesday that its plans for new trade talks with "
          .concat("ministers would go ahead despite concerns over prices markets and jobs in ")
          .concat("the region after a week of protests by workers and farmers").split(" ");
      for (int i = 0; i < 1000; i++) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2000) {
          sb.append(words[r.nextInt(words.length)]).append(r.nextInt(10) == 0 ? ". " : " ");
        }
        texts.add(sb.toString());
      }
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      String doc = texts.get((2 * i) % texts.size()) + "\n" + texts.get((2 * i + 1) % texts.size());
      out.add(doc.length() > 4096 ? doc.substring(0, 4096) : doc);
    }
    return out;
  }

  private String nextDoc() {
    String d = docs.get(next);
    next = next + 1 == docs.size() ? 0 : next + 1;
    return d;
  }

  /** The add path's fingerprinting, as {@code StoryClusters} runs it with the defaults. */
  @Benchmark
  public void storyclusters(Blackhole bh) {
    Article a = Article.builder("doc").source("bbc").title("Headline of the day")
        .text(nextDoc()).build();
    Prepared p = Prepared.of(a, N, 1_000_000, true);
    Fingerprint fp = Fingerprint.select(p, LineCounts.none(p.lines()), hasher, 20_000);
    bh.consume(fp.sketch);
  }

  /** Breakdown of {@code storyclusters}: normalization alone. */
  @Benchmark
  public void stageNormalize(Blackhole bh) {
    bh.consume(TextNormalizer.get().normalize(nextDoc()));
  }

  /** Breakdown of {@code storyclusters}: tokenize and shingle alone (on raw text). */
  @Benchmark
  public void stageShingle(Blackhole bh) {
    String text = nextDoc();
    shingler.reset();
    shingler.add(text, 0, text.length());
    shingler.finish();
    bh.consume(shingler.count());
  }

  @Benchmark
  public void luceneMinHashFilter(Blackhole bh) throws IOException {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(nextDoc()));
    ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(tokenizer), N, N);
    shingles.setOutputUnigrams(false);
    try (TokenStream ts = new MinHashFilter(shingles, 1, 128, 1, true)) {
      ts.reset();
      int n = 0;
      while (ts.incrementToken()) {
        n++;
      }
      ts.end();
      bh.consume(n);
    }
  }

  @Benchmark
  public void hashFloor(Blackhole bh) {
    String text = nextDoc();
    long[] window = new long[N];
    int tokens = 0;
    long h = 0xcbf29ce484222325L;
    boolean inWord = false;
    long acc = 0;
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        h = (h ^ c) * 0x100000001b3L;
        inWord = true;
      } else if (inWord) {
        window[tokens++ % N] = h;
        if (tokens >= N) {
          long s = N;
          for (int j = 0; j < N; j++) {
            s = (s * 0x9E3779B97F4A7C15L + window[(tokens + j) % N]);
            s ^= s >>> 31;
          }
          acc += s;
        }
        h = 0xcbf29ce484222325L;
        inWord = false;
      }
    }
    bh.consume(acc);
  }
}
