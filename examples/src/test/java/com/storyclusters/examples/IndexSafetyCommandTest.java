package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.StoryClusters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands leave folders they must not change untouched: cluster refuses a folder of the
 * user's, explain opens read-only (works while the index is written, writes nothing), check
 * reports damage in one line per problem with exit 1.
 */
class IndexSafetyCommandTest {
  @TempDir Path tmp;
  private static final String INPUT = Path.of("../samples/seeds/articles.jsonl").toString();

  /** What a command printed to stdout and stderr, and its exit code. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  private Path index() {
    Path index = tmp.resolve("idx");
    assertEquals(0, run("cluster", INPUT, "--index", index.toString(), "--output",
        tmp.resolve("out.jsonl").toString(), "--quiet").exit());
    return index;
  }

  @Test
  void clusterRefusesAFolderOfTheUsersAndLeavesItUntouched() throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    for (String name : new String[] {"_a.txt", "_0.cfs", "_a.si", "notes.md"}) {
      Files.writeString(mine.resolve(name), "the user's " + name);
    }
    Map<String, String> before = hashes(mine);
    Run r = run("cluster", INPUT, "--index", mine.toString(), "--output",
        tmp.resolve("out.jsonl").toString(), "--quiet");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains(mine + " is not a storyclusters index and not empty")
        || r.err().contains("corrupt index at " + mine + ": no commit"), r.err());
    assertEquals(before, hashes(mine));
  }

  @Test
  void explainIsReadOnlyAndWorksWhileTheIndexIsWritten() throws Exception {
    Path index = index();
    try (StoryClusters writer = StoryClusters.builder().directory(index).build()) {
      Map<String, String> before = hashes(index);
      Run r = run("explain", "seed-003", "seed-000", "--index", index.toString());
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("seed-003 vs seed-000"), r.out());
      assertEquals(before, hashes(index), "explain writes nothing");
      assertEquals(5, writer.size());
    }
    Path missing = tmp.resolve("missing");
    Run r = run("explain", "a", "b", "--index", missing.toString());
    assertNotEquals(0, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(missing));
  }

  @Test
  void checkSaysSoundOrNamesEachProblemWithExit1() throws Exception {
    Path index = index();
    Run sound = run("check", "--index", index.toString());
    assertEquals(0, sound.exit(), sound.err());
    assertTrue(sound.out().contains("sound: 5 articles"), sound.out());

    Path dvd;
    try (Stream<Path> files = Files.list(index)) {
      dvd = files.filter(f -> f.toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    byte[] b = Files.readAllBytes(dvd);
    b[b.length / 2] ^= 1;
    Files.write(dvd, b);
    Map<String, String> before = hashes(index);
    Run damaged = run("check", "--index", index.toString());
    assertEquals(1, damaged.exit());
    for (String line : damaged.err().strip().split("\n")) {
      assertTrue(line.startsWith("storyclusters: corrupt index at " + index + ": "), line);
    }
    assertTrue(damaged.err().contains(dvd.getFileName().toString()), damaged.err());
    assertFalse(damaged.err().contains("\tat "), damaged.err());
    assertEquals(before, hashes(index), "check writes nothing");

    Run missing = run("check", "--index", tmp.resolve("nothing").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no storyclusters index at"), missing.err());
    assertFalse(Files.exists(tmp.resolve("nothing")));
  }
}
