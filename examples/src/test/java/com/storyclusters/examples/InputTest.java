package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.StoryClusters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the cluster command accepts as input, and how it refuses what it does not. */
class InputTest {
  @TempDir Path tmp;
  private static final Path SEEDS = Path.of("../samples/seeds/articles.jsonl");

  private Path out() {
    return tmp.resolve("out.jsonl");
  }

  private Run cluster(Path input, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("cluster", input.toString(),
        "--output", out().toString(), "--quiet"));
    args.addAll(List.of(more));
    return Run.in(args.toArray(String[]::new));
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    Path in = tmp.resolve("bom.jsonl");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write(Files.readAllBytes(SEEDS));
    Files.write(in, b.toByteArray());
    Run r = cluster(in);
    assertEquals(0, r.code(), r.err());
    assertEquals(5, CommandTest.clusters(out()).size());
  }

  @Test
  void aDashReadsStandardInput() throws Exception {
    InputStream old = System.in;
    Run r;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(SEEDS)));
      r = cluster(Path.of("-"));
    } finally {
      System.setIn(old);
    }
    assertEquals(0, r.code(), r.err());
    Map<String, String> c = CommandTest.clusters(out());
    assertEquals(5, c.size());
    assertEquals(c.get("seed-000"), c.get("seed-003"));
  }

  /** No articles is not a failure: said on stderr, exit 0, an empty output file. */
  @Test
  void anEmptyInputIsSaidAndGivesAnEmptyOutput() throws Exception {
    Path in = Files.writeString(tmp.resolve("empty.jsonl"), "\n  \n");
    Run r = cluster(in);
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("storyclusters: " + in + " holds no articles"), r.errLines());
    assertEquals("", Files.readString(out()));
    Path dir = Files.createDirectory(tmp.resolve("none"));
    Files.delete(out());
    Run folder = cluster(dir);
    assertEquals(0, folder.code(), folder.err());
    assertEquals(List.of("storyclusters: " + dir + " holds no articles"), folder.errLines());
    assertEquals(0, Files.size(out()));
  }

  @Test
  void aFieldOfTheWrongTypeStopsTheRunNamingTheLine() throws Exception {
    Path in = Files.writeString(tmp.resolve("types.jsonl"),
        "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":5}\n");
    Run r = cluster(in);
    assertEquals(1, r.code());
    assertTrue(r.err().contains(in + ": line 2: field 'text' must be a string"), r.err());
    assertFalse(Files.exists(out()));
  }

  /**
   * Ids that are not UTF-8, or that core refuses (an unpaired surrogate), are per-line errors:
   * the run stops naming the line, or skips it and keeps every other article.
   */
  @Test
  void badIdsArePerLineErrors() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(Files.readAllBytes(SEEDS));
    b.write("{\"id\":\"caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9);
    b.write("\",\"text\":\"x\"}\n{\"id\":\"x\\ud800\",\"text\":\"y\"}\n{\"id\":\"last\"}\n"
        .getBytes(StandardCharsets.UTF_8));
    Path in = tmp.resolve("ids.jsonl");
    Files.write(in, b.toByteArray());
    Run stop = cluster(in);
    assertEquals(1, stop.code());
    assertTrue(stop.err().contains(in + ": line 6: \"id\" holds bytes that are not UTF-8"),
        stop.err());
    assertFalse(Files.exists(out()));
    Run skip = cluster(in, "--on-error", "skip");
    assertEquals(0, skip.code(), skip.err());
    assertTrue(skip.err().contains(in + ": line 7: article id 'x\\ud800' holds an unpaired "
        + "surrogate"), skip.err());
    assertTrue(skip.err().contains("skipped 2 bad line(s)"), skip.err());
    Set<String> ids = CommandTest.clusters(out()).keySet();
    assertEquals(Set.of("seed-000", "seed-001", "seed-002", "seed-003", "seed-004", "last"), ids);
  }

  /** A time beyond epoch milliseconds is unknown with a warning, like 2014-09-31; no abort. */
  @Test
  void aTimeBeyondEpochMillisDoesNotAbort() throws Exception {
    Path in = Files.writeString(tmp.resolve("time.jsonl"), "{\"id\":\"a\",\"text\":\"x\","
        + "\"published\":\"+999999999-01-01T00:00:00Z\"}\n{\"id\":\"b\",\"published\":"
        + "\"2014-09-31\"}\n");
    for (String onError : List.of("stop", "skip")) {
      Run r = cluster(in, "--on-error", onError);
      assertEquals(0, r.code(), r.err());
      assertEquals(List.of("storyclusters: line 1: \"published\" is not a valid time "
          + "(+999999999-01-01T00:00:00Z); taken as unknown", "storyclusters: line 2: "
          + "\"published\" is not a valid time (2014-09-31); taken as unknown"), r.errLines());
      assertEquals(Set.of("a", "b"), CommandTest.clusters(out()).keySet());
    }
  }

  /** Links leading outside a folder are skipped with a warning unless --follow-links. */
  @Test
  void linksOutsideTheFolderAreNotFollowedUnlessAsked() throws Exception {
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("secret.txt"), "not for the corpus");
    Path dir = Files.createDirectory(tmp.resolve("pages"));
    Files.writeString(dir.resolve("one.txt"), "a story about something");
    Files.createSymbolicLink(dir.resolve("inside.txt"), dir.resolve("one.txt"));
    Files.createSymbolicLink(dir.resolve("leak.txt"), secret);
    Run r = cluster(dir);
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("storyclusters: skipped " + dir.resolve("leak.txt")), r.err());
    assertTrue(r.err().contains("--follow-links"), r.err());
    assertEquals(Set.of("one", "inside"), CommandTest.clusters(out()).keySet());
    Run followed = cluster(dir, "--follow-links");
    assertEquals(0, followed.code(), followed.err());
    assertEquals("", followed.err());
    assertEquals(Set.of("one", "inside", "leak"), CommandTest.clusters(out()).keySet());
  }

  /** a.txt and a.html would both be article "a": refused before anything is added. */
  @Test
  void twoFilesWithOneIdAreRefused() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("pages"));
    Files.writeString(dir.resolve("0.txt"), "first");
    Files.writeString(dir.resolve("a.txt"), "a story");
    Files.writeString(dir.resolve("a.html"), "<p>the same story</p>");
    Path index = tmp.resolve("idx");
    Run r = cluster(dir, "--index", index.toString());
    assertEquals(1, r.code());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains(dir.resolve("a.html").toString())
        && r.err().contains(dir.resolve("a.txt").toString()), r.err());
    assertFalse(Files.exists(out()));
    try (StoryClusters sc = StoryClusters.builder().directory(index).build()) {
      assertEquals(0, sc.clusterCount(), "nothing was added");
    }
  }
}
