package com.storyclusters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import com.storyclusters.examples.ClusterCommand;
import com.storyclusters.examples.Jsonl;
import com.storyclusters.examples.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The Spark plan ({@link SparkPlan}, core's batch steps by joins) in {@code local[2]} gives the
 * library's assignments, line for line, on the seeds, and reports what it did (the development
 * sets and a generated corpus go through the command: {@code SameAssignmentsTest}).
 */
class SparkPlanTest {
  private static final Path DATA = Path.of(System.getProperty("storyclusters.data",
      "../../shared/data"));
  private static SparkSession spark;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void start() {
    SparkOptions o = new SparkOptions();
    o.master = "local[2]";
    spark = o.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Output lines that differ between the library and the plan (at most 3 shown). */
  static List<String> differing(Path input) throws Exception {
    List<String> expected = new ArrayList<>();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      for (Assignment a : sc.addAll(Jsonl.readArticles(input), 2)) {
        expected.add(Jsonl.write(ClusterCommand.toJson(a)));
      }
    }
    JavaPairRDD<Long, SparkArticles.Line> articles = SparkArticles.read(spark,
        input.toAbsolutePath().toString(), Files.size(input), 4).filter(l -> l.error() == null)
        .zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
    SparkPlan plan = new SparkPlan(JavaSparkContext.fromSparkContext(spark.sparkContext()),
        StoryClusters.builder().settings(), 8);
    List<String> got = plan.run(articles).stream().map(SparkPlan.Decided::line).toList();
    System.err.printf("%s: %d rounds, %d replays, %d parts (largest %d), holder group %d, "
        + "story-dependent %d%n", input.getFileName(), plan.rounds, plan.replays, plan.parts,
        plan.largestPart, plan.largestHolderGroup, plan.storyDependent);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(got.get(i))) {
        out.add(expected.get(i) + " | plan: " + got.get(i));
      }
    }
    assertEquals(expected.size(), got.size());
    return out;
  }

  @Test
  void theSeeds() throws Exception {
    assertEquals(List.of(), differing(Path.of("../samples/seeds/articles.jsonl")));
  }
}
