package com.storyclusters.spark;

import com.storyclusters.Article;
import com.storyclusters.examples.ArticleSource;
import com.storyclusters.examples.Jsonl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code cluster}'s input read by Spark: a JSON Lines file parsed on the executors ({@link
 * SparkArticles}), all of it first (in parallel, kept in memory or spilled to disk), then handed
 * to the command in file order. The session lives for one read. Not thread-safe.
 */
final class SparkArticleSource implements ArticleSource {
  private final SparkOptions options;

  SparkArticleSource(SparkOptions options) {
    this.options = options;
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
