package com.storyclusters.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.storyclusters.Article;
import com.storyclusters.examples.Jsonl;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A JSON Lines file of articles read and parsed on the executors, line by line as {@link Jsonl}
 * reads it on one machine: lines end at {@code \n} (a {@code \r} before it and a UTF-8 byte order
 * mark at the start are dropped), blank lines are skipped, a line is one JSON object and its
 * fields are {@link Jsonl#article}'s, errors and warnings carry the 1-based line number. One
 * difference: Spark decodes malformed UTF-8 with replacement characters, where {@code Jsonl}
 * refuses an id that holds some. Stateless.
 */
final class SparkArticles {
  private SparkArticles() {}

  /** One parsed line: an article's fields, or why the line was refused. Immutable. */
  record Line(long number, String id, String source, String title, String text, Instant published,
      String language, String warning, String error) implements Serializable {
    /** The article (only when {@link #error} is null). */
    Article article() {
      return Article.builder(id).source(source).title(title).text(text).published(published)
          .language(language).build();
    }
  }

  /**
   * The non-blank lines of {@code path} ({@code bytes} long), parsed in {@code partitions} or so
   * tasks (file splits), in file order.
   */
  static JavaRDD<Line> read(SparkSession spark, String path, long bytes, int partitions) {
    spark.conf().set("spark.sql.files.maxPartitionBytes",
        Math.max(1 << 20, bytes / Math.max(1, partitions) + 1));
    // numbered in file order (zipWithIndex counts each split's lines first), parsed in parallel
    return spark.read().option("lineSep", "\n").textFile(path).javaRDD().zipWithIndex()
        .mapPartitions(SparkArticles::parse);
  }

  private static Iterator<Line> parse(Iterator<Tuple2<String, Long>> lines) {
    List<Line> out = new ArrayList<>();
    while (lines.hasNext()) {
      Tuple2<String, Long> t = lines.next();
      Line l = parse(t._1(), t._2() + 1);
      if (l != null) {
        out.add(l);
      }
    }
    return out.iterator();
  }

  /** Line {@code n} parsed; null when it is blank. */
  static Line parse(String line, long n) {
    if (n == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.length() > Jsonl.MAX_LINE_BYTES / 3) {
      int bytes = line.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > Jsonl.MAX_LINE_BYTES) {
        return error(n, String.format(Locale.ROOT, "line %d: line is %,d bytes; at most %,d", n,
            bytes, Jsonl.MAX_LINE_BYTES));
      }
    }
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = Jsonl.object(line, n);
      String[] warning = {null};
      Article a = Jsonl.article(node, n, w -> warning[0] = w);
      return new Line(n, a.id(), a.source(), a.title(), a.text(), a.published().orElse(null),
          a.language(), warning[0], null);
    } catch (Jsonl.BadLineException e) {
      return error(n, e.getMessage());
    }
  }

  private static Line error(long n, String message) {
    return new Line(n, null, null, null, null, null, null, null, message);
  }
}
