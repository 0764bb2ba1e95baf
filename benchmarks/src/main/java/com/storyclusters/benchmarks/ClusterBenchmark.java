package com.storyclusters.benchmarks;

import com.storyclusters.Article;
import com.storyclusters.StoryClusters;
import com.storyclusters.examples.Jsonl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code StoryClusters.add} latency with {@code size} articles already indexed (on disk, defaults):
 * fingerprint, candidate query, verification, assignment and indexing of one more generated article;
 * and {@code match}, the same without the indexing (a read-only candidate query).
 * Sample mode gives the percentiles (p50, p99). The index is built in setup from the generated
 * corpus ({@code -Dstoryclusters.data}, default {@code ../shared/data}), so larger sizes take
 * minutes to set up: {@code -p size=10000,100000,1000000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class ClusterBenchmark {
  @Param("10000")
  public int size;

  private StoryClusters clusters;
  private Path dir;
  private List<Article> probes;
  private int next;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Path data = Path.of(System.getProperty("storyclusters.data", "../shared/data"));
    List<Article> bbc = Jsonl.readArticles(data.resolve("bbc-news/articles.jsonl"));
    int extra = 200_000;
    List<Article> all = ScaleHarness.generate(bbc.stream().map(Article::text).toList(),
        bbc.stream().map(Article::title).toList(), size + extra);
    dir = Files.createTempDirectory("storyclusters-bench");
    clusters = StoryClusters.builder().directory(dir).build();
    for (int i = 0; i < size; i += 2048) {
      clusters.addAll(all.subList(i, Math.min(size, i + 2048)), 2);
    }
    clusters.commit();
    probes = new ArrayList<>(all.subList(size, size + extra));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    clusters.close();
    ScaleHarness.delete(dir);
  }

  /**
   * The candidate query alone, {@code StoryClusters.match}: fingerprint, candidate look-up and
   * verification of one more article, which is not added (the index stays at {@code size}).
   */
  @Benchmark
  public Object match() {
    Article a = probes.get(next);
    next = next + 1 == probes.size() ? 0 : next + 1;
    return clusters.match(a);
  }

  @Benchmark
  public Object add() {
    Article a = probes.get(next);
    next = next + 1 == probes.size() ? 0 : next + 1; // past the pool: unchanged re-adds
    return clusters.add(a);
  }
}
