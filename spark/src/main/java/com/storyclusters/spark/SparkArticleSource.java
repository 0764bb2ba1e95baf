package com.storyclusters.spark;

import com.storyclusters.Article;
import com.storyclusters.examples.ArticleSource;
import com.storyclusters.examples.Jsonl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import com.storyclusters.Assignment;
import com.storyclusters.Settings;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code cluster}'s input read by Spark: a JSON Lines file parsed on the executors ({@link
 * SparkArticles}). An input whose ids are distinct, clustered without a report or a retention
 * window into no index or a new one, is decided by {@link SparkPlan} ({@link #decideAll}; the
 * command records the decisions in the new index); any other is handed to the command in file
 * order ({@link #read}), which adds it to the library on the driver. The session
 * lives for one call. Not thread-safe.
 */
final class SparkArticleSource implements ArticleSource {
  private final SparkOptions options;

  SparkArticleSource(SparkOptions options) {
    this.options = options;
  }

  @Override
  public boolean decideAll(Path input, Settings settings, boolean withArticles, boolean quiet,
      Jsonl.Sink<Article> sink, Decisions decisions) throws IOException {
    if (input.toString().equals("-") || Files.isDirectory(input)) {
      return false; // read() says why not
    }
    SparkSession spark = options.session();
    java.util.concurrent.atomic.LongAdder shuffled = new java.util.concurrent.atomic.LongAdder();
    spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) {
          shuffled.add(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
        }
      }
    });
    try {
      long started = System.nanoTime();
      int partitions = options.partitions > 0 ? options.partitions
          : spark.sparkContext().defaultParallelism();
      JavaRDD<SparkArticles.Line> lines = SparkArticles.read(spark, input.toAbsolutePath()
          .toString(), Files.size(input), partitions).persist(StorageLevel.MEMORY_AND_DISK_SER());
      JavaRDD<SparkArticles.Line> ok = lines.filter(l -> l.error() == null);
      long n = ok.count();
      if (ok.map(SparkArticles.Line::id).distinct().count() != n) {
        return false; // an id repeats: an update, which the library applies in order
      }
      java.util.List<SparkArticles.Line> reported = lines.filter(
          l -> l.error() != null || l.warning() != null).collect();
      if (withArticles && reported.stream().anyMatch(l -> l.error() != null)) {
        // the library adds (and its index keeps) the batches read before a bad line stops it
        return false;
      }
      // bad lines and warnings, in input order, as the library's reader reports them
      for (SparkArticles.Line l : reported) {
        if (l.error() != null) {
          if (!sink.bad(new Jsonl.BadLineException(l.error(), l.number()))) {
            return true;
          }
        } else {
          sink.warning(l.warning());
        }
      }
      SparkPlan plan = new SparkPlan(JavaSparkContext.fromSparkContext(spark.sparkContext()),
          settings, Math.max(8, 4 * partitions));
      java.util.List<SparkPlan.Decided> out = plan.run(ok.zipWithIndex().mapToPair(
          t -> new Tuple2<>(t._2(), t._1())));
      if (!quiet) {
        System.err.printf(java.util.Locale.ROOT, "storyclusters-spark: %,d articles in %.1f s: "
            + "%d round(s), %d replay(s); %,d parts, the largest %,d articles; the largest "
            + "group found by one shingle %,d articles; %,d articles with story-dependent lines; %,d "
            + "shuffle bytes written (%,d per article)%n", n,
            (System.nanoTime() - started) / 1e9, plan.rounds, plan.replays, plan.parts,
            plan.largestPart, plan.largestHolderGroup, plan.storyDependent, shuffled.sum(),
            shuffled.sum() / Math.max(1, n));
      }
      Iterator<SparkArticles.Line> articles = withArticles ? ok.toLocalIterator() : null;
      for (SparkPlan.Decided d : out) {
        if (articles == null) {
          decisions.accept(new Decision(d.line(), null, null));
        } else {
          Article a = articles.next().article();
          decisions.accept(new Decision(d.line(), a, new Assignment(a.id(), d.clusterId(),
              d.bestMatch() == null, false, Optional.ofNullable(d.bestMatch()),
              Optional.ofNullable(d.scores()), List.of())));
        }
      }
      return true;
    } finally {
      spark.stop();
    }
  }

  @Override
  public void read(Path input, boolean followLinks, Jsonl.Sink<Article> sink) throws IOException {
    if (input.toString().equals("-") || Files.isDirectory(input)) {
      throw new IOException("storyclusters-spark reads a JSON Lines file, not "
          + (Files.isDirectory(input) ? "a folder" : "standard input") + ": " + input
          + " (./storyclusters cluster reads it)");
    }
    SparkSession spark = options.session();
    try {
      int partitions = options.partitions > 0 ? options.partitions
          : spark.sparkContext().defaultParallelism();
      JavaRDD<SparkArticles.Line> lines = SparkArticles.read(spark, input.toAbsolutePath()
          .toString(), Files.size(input), partitions).persist(StorageLevel.MEMORY_AND_DISK_SER());
      lines.count(); // parses every split at once; the iterator then reads them in order
      for (Iterator<SparkArticles.Line> it = lines.toLocalIterator(); it.hasNext(); ) {
        SparkArticles.Line l = it.next();
        if (l.error() != null) {
          if (!sink.bad(new Jsonl.BadLineException(l.error(), l.number()))) {
            return;
          }
          continue;
        }
        if (l.warning() != null) {
          sink.warning(l.warning());
        }
        sink.accept(l.article());
      }
    } finally {
      spark.stop();
    }
  }
}
