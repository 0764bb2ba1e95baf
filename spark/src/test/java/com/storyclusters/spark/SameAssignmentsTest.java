package com.storyclusters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.examples.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storyclusters-spark cluster} in {@code local[2]} gives {@code storyclusters cluster}'s
 * output byte for byte, exit code and error lines included: on the seeds, the development sets and
 * a generated 20,000-article corpus (these two from {@code ../shared/data}, skipped where it is not
 * there), on input with a byte order mark, CRLF line ends, blank and bad lines, and into an index
 * (a backfill: the plan's decisions recorded) that a later local run keeps adding to as if it had
 * added everything itself.
 */
class SameAssignmentsTest {
  private static final Path DATA = Path.of(System.getProperty("storyclusters.data",
      "../../shared/data"));
  private static final Path SEEDS = Path.of("../samples/seeds/articles.jsonl");

  @TempDir
  Path tmp;

  /** A run's exit code, output file and error lines. */
  record Run(int code, String output, List<String> errors) {}

  private Run local(String... args) throws IOException {
    return run(false, args);
  }

  private Run spark(String... args) throws IOException {
    return run(true, args);
  }

  private Run run(boolean spark, String... args) throws IOException {
    Path out = Files.createTempFile(tmp, spark ? "spark" : "local", ".jsonl");
    Files.delete(out);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--output", out.toString(), "--quiet"));
    if (spark) {
      all.addAll(List.of("--master", "local[2]", "--partitions", "3"));
    }
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String[] a = all.toArray(new String[0]);
      code = spark ? SparkMain.run(System.out, a) : Main.run(a);
    } finally {
      System.setErr(err);
    }
    List<String> errors = new ArrayList<>();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("storyclusters: ")) { // the command's lines, not Spark's log
        errors.add(line);
      }
    }
    return new Run(code, Files.exists(out) ? Files.readString(out) : null, errors);
  }

  /** The input's first {@code k} lines and the rest, as two files. */
  private Path[] split(Path input, int k) throws IOException {
    List<String> lines = Files.readAllLines(input);
    Path first = tmp.resolve("first.jsonl");
    Path rest = tmp.resolve("rest.jsonl");
    Files.write(first, lines.subList(0, k));
    Files.write(rest, lines.subList(k, lines.size()));
    return new Path[] {first, rest};
  }

  private void assertSame(String... args) throws IOException {
    Run local = local(args);
    Run spark = spark(args);
    assertEquals(local, spark);
  }

  @Test
  void theSeeds() throws IOException {
    Run r = spark("cluster", SEEDS.toString());
    assertEquals(0, r.code());
    assertEquals(5, r.output().lines().count());
    assertEquals(r, local("cluster", SEEDS.toString()));
  }

  @Test
  void theDevelopmentSetsAndAGeneratedCorpus() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("counter-dev")),
        "the development data is not at " + DATA.toAbsolutePath());
    for (String set : List.of("counter-dev", "ecbplus-dev")) {
      assertSame("cluster", DATA.resolve(set).resolve("articles.jsonl").toString());
    }
    Path corpus = tmp.resolve("g20k.jsonl");
    assertEquals(0, Main.run("generate", "--articles", "20000", "--output", corpus.toString(),
        "--gold", tmp.resolve("g20k-gold.jsonl").toString(), "--source",
        DATA.resolve("bbc-news/articles.jsonl").toString()));
    Run local = local("cluster", corpus.toString());
    Run spark = spark("cluster", corpus.toString());
    assertEquals(20_000, spark.output().lines().count());
    int differing = 0;
    List<String> a = local.output().lines().toList();
    List<String> b = spark.output().lines().toList();
    for (int i = 0; i < a.size(); i++) {
      differing += a.get(i).equals(b.get(i)) ? 0 : 1;
    }
    assertEquals(0, differing, "articles whose output line differs");
    assertEquals(local, spark);
  }

  @Test
  void oddInputGivesTheSameLinesAndErrors() throws IOException {
    List<String> seeds = Files.readAllLines(SEEDS);
    String odd = "\uFEFF" + seeds.get(0) + "\r\n\r\n  \n" + "{\"id\": 3\n" + seeds.get(1) + "\r\n"
        + "[1]\n" + "{\"id\":\"late\",\"text\":\"x\",\"published\":\"2014-09-31\"}\n"
        + seeds.get(2) + "\n" + "{\"id\":\"a\"} {\"id\":\"b\"}\n" + seeds.get(3);
    Path input = tmp.resolve("odd.jsonl");
    Files.writeString(input, odd);
    Run stopped = spark("cluster", input.toString());
    assertEquals(1, stopped.code());
    assertTrue(stopped.errors().get(0).startsWith("storyclusters: " + input + ": line 4: "),
        stopped.errors().toString());
    assertEquals(local("cluster", input.toString()), stopped);
    Run skipped = spark("cluster", input.toString(), "--on-error", "skip");
    assertEquals(0, skipped.code());
    assertEquals(5, skipped.output().lines().count());
    assertEquals(local("cluster", input.toString(), "--on-error", "skip"), skipped);
  }

  @Test
  void anIndexWrittenOnSparkIsTheLibrarysToAddTo() throws IOException {
    Path[] parts = split(SEEDS, 3);
    Path first = parts[0];
    Path rest = parts[1];
    Path sparkIndex = tmp.resolve("spark-index");
    Path localIndex = tmp.resolve("local-index");
    assertEquals(0, spark("cluster", first.toString(), "--index", sparkIndex.toString()).code());
    assertEquals(0, local("cluster", first.toString(), "--index", localIndex.toString()).code());
    // then the library (the local command) goes on from each
    Run afterSpark = local("cluster", rest.toString(), "--index", sparkIndex.toString());
    Run afterLocal = local("cluster", rest.toString(), "--index", localIndex.toString());
    assertEquals(afterLocal, afterSpark);
    assertEquals(local("cluster", SEEDS.toString()).output().lines().skip(3).toList(),
        afterSpark.output().lines().toList());
  }

  @Test
  void aBackfillOfGeneratedArticlesIsContinuedAsTheLibraryWould() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("bbc-news")),
        "the development data is not at " + DATA.toAbsolutePath());
    Path corpus = tmp.resolve("g6k.jsonl");
    assertEquals(0, Main.run("generate", "--articles", "6000", "--seed", "7", "--output",
        corpus.toString(), "--gold", tmp.resolve("g6k-gold.jsonl").toString(), "--source",
        DATA.resolve("bbc-news/articles.jsonl").toString()));
    Path[] parts = split(corpus, 4000);
    Path first = parts[0];
    Path rest = parts[1];
    Path sparkIndex = tmp.resolve("spark-index");
    Run backfill = spark("cluster", first.toString(), "--index", sparkIndex.toString(),
        "--commit-every", "1500");
    assertEquals(0, backfill.code(), backfill.errors().toString());
    Run all = local("cluster", corpus.toString());
    List<String> expected = all.output().lines().toList();
    assertEquals(expected.subList(0, 4000), backfill.output().lines().toList());
    Run continued = local("cluster", rest.toString(), "--index", sparkIndex.toString());
    assertEquals(expected.subList(4000, expected.size()), continued.output().lines().toList());
  }
}
