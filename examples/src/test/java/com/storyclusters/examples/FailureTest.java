package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.StoryClusters;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How the command fails: output handling, exit codes, one-line errors. */
class FailureTest {
  @TempDir Path tmp;
  private static final String SEEDS = Path.of("../samples/seeds/articles.jsonl").toString();

  /** A corpus of {@code n} small articles. */
  static Path corpus(Path dir, int n) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("{\"id\":\"a").append(i).append("\",\"text\":\"story ").append(i % 97)
          .append(" about the things that happened in town ").append(i % 13).append("\"}\n");
    }
    Path file = dir.resolve("corpus-" + n + ".jsonl");
    Files.writeString(file, b);
    return file;
  }

  @Test
  void theOutputFileHasTheUsualMode() throws Exception {
    Path out = tmp.resolve("out.jsonl");
    assertEquals(0, Run.in("cluster", SEEDS, "--output", out.toString(), "--quiet").code());
    Path plain = Files.createFile(tmp.resolve("plain"));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
        "as a newly created file (umask), not 0600");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
    }
  }

  /**
   * Closing the index (its final commit) fails after every article was added and written: no
   * output appears, an older one is kept. One full batch (2,048 articles) comes through standard
   * input, which is then held open; once its lines are in the temporary output (so the batch was
   * added), the index folder is removed, and the end of input lets the run close the index: the
   * only index work left, so the failure comes from close().
   */
  @Test
  void noOutputWhenClosingTheIndexFails() throws Exception {
    Path index = tmp.resolve("idx");
    Path outDir = Files.createDirectory(tmp.resolve("out"));
    Path out = outDir.resolve("out.jsonl");
    Files.writeString(out, "older\n");
    PipedOutputStream feed = new PipedOutputStream();
    InputStream oldIn = System.in;
    System.setIn(new PipedInputStream(feed, 1 << 16));
    try {
      CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> Run.in("cluster", "-",
          "--index", index.toString(), "--output", out.toString(), "--commit-every", "0",
          "--quiet"));
      feed.write(Files.readAllBytes(corpus(tmp, 2048)));
      feed.flush();
      for (int i = 0; i < 1200 && !written(outDir); i++) {
        Thread.sleep(50);
      }
      assertTrue(written(outDir), "the batch was clustered");
      try (Stream<Path> files = Files.walk(index)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
      feed.close();
      Run r = run.get(60, TimeUnit.SECONDS);
      assertEquals(1, r.code(), r.err());
      assertTrue(r.oneErrorLine(), r.err());
      assertEquals("older\n", Files.readString(out), "the older output is kept");
      try (Stream<Path> files = Files.list(outDir)) {
        assertEquals(1, files.count(), "no temporary file left");
      }
    } finally {
      System.setIn(oldIn);
    }
  }

  /** Whether a temporary output file in {@code dir} has lines. */
  private static boolean written(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")
          && p.toFile().length() > 0);
    }
  }

  @Test
  void aFullDiskOnStdoutFails() throws Exception {
    Run r = Run.of(Run.child("cluster", SEEDS, "--quiet")
        .redirectOutput(new File("/dev/full")).start());
    assertEquals(1, r.code(), r.err());
    assertEquals("storyclusters: cannot write output: No space left on device", r.err().strip());
  }

  /** As {@code | head -1}: the run ends (quietly, 141) instead of clustering on to the end. */
  @Test
  void aClosedPipeEndsTheRun() throws Exception {
    Path input = corpus(tmp, 40_000);
    Process p = Run.child("cluster", input.toString(), "--quiet", "--threads", "1").start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertTrue(lines.readLine().startsWith("{\"id\":\"a0\""));
    }
    long closed = System.nanoTime();
    Run r = Run.of(p);
    assertEquals(ClusterCommand.BROKEN_PIPE, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(System.nanoTime() - closed < 20_000_000_000L, "ended soon after");
  }

  /** In this JVM stdout is a PrintStream, which hides errors: they are checked for. */
  @Test
  void aFailingPrintStreamFails() {
    PrintStream old = System.out;
    PrintStream broken = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("device gone");
      }
    });
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    int code;
    try {
      System.setOut(broken);
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run("cluster", SEEDS, "--quiet");
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }
    assertEquals(1, code);
    assertEquals("storyclusters: cannot write output: standard output failed",
        err.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void badOutputIsOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Run dir = Run.in("cluster", SEEDS, "--output", tmp.toString(), "--quiet");
    assertEquals(1, dir.code());
    assertEquals("storyclusters: --output " + tmp + " is a folder", dir.err().strip());
    Run under = Run.in("cluster", SEEDS, "--output", file.resolve("out").toString(), "--quiet");
    assertEquals(1, under.code());
    assertTrue(under.oneErrorLine(), under.err());
    assertTrue(under.err().contains("--output " + file.resolve("out")), under.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void badIndexIsOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Run notAFolder = Run.in("cluster", SEEDS, "--index", file.toString(), "--quiet");
    assertEquals(1, notAFolder.code());
    assertEquals("storyclusters: --index " + file + " is not a folder", notAFolder.err().strip());
    Run under = Run.in("cluster", SEEDS, "--index", file.resolve("idx").toString(), "--quiet");
    assertEquals(1, under.code());
    assertTrue(under.oneErrorLine(), under.err());
    assertTrue(under.err().contains(file.resolve("idx").toString()), under.err());
  }

  @Test
  void anIndexInUseIsOneLine() throws Exception {
    Path index = tmp.resolve("idx");
    Path out = tmp.resolve("out.jsonl");
    try (StoryClusters held = StoryClusters.builder().directory(index).build()) {
      Run r = Run.in("cluster", SEEDS, "--index", index.toString(), "--output", out.toString(),
          "--quiet");
      assertEquals(1, r.code());
      assertTrue(r.oneErrorLine(), r.err());
      assertTrue(r.err().contains(index.toString()), r.err());
      assertFalse(Files.exists(out));
    }
  }

  @Test
  void usageErrorsNameTheOptionAndExit2() {
    Run threads = Run.in("cluster", SEEDS, "--threads", "abc");
    assertEquals(2, threads.code());
    assertTrue(threads.oneErrorLine(), threads.err());
    assertTrue(threads.err().contains("'--threads'"), threads.err());
    Run zero = Run.in("cluster", SEEDS, "--threads", "0");
    assertEquals(2, zero.code());
    assertTrue(zero.err().contains("--threads must be at least 1"), zero.err());
    Run missing = Run.in("cluster");
    assertEquals(2, missing.code());
    assertTrue(missing.oneErrorLine(), missing.err());
    assertTrue(missing.err().contains("'INPUT'"), missing.err());
    Run unknown = Run.in("cluster", SEEDS, "--bogus");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("--bogus"), unknown.err());
    Run options = Run.in("evaluate");
    assertEquals(2, options.code());
    assertTrue(options.err().contains("'--gold=FILE'"), options.err());
  }

  @Test
  void noArgumentsPrintsUsageOnStderrAndExits2() {
    Run r = Run.in();
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Usage: storyclusters"), r.err());
  }

  @Test
  void generateFailsWith1() throws Exception {
    Run noSource = Run.in("generate", "--articles", "3", "--output", tmp.resolve("a").toString(),
        "--gold", tmp.resolve("g").toString(), "--source", tmp.resolve("none").toString());
    assertEquals(1, noSource.code());
    assertTrue(noSource.oneErrorLine(), noSource.err());
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Run unwritable = Run.in("generate", "--articles", "3", "--output",
        file.resolve("a").toString(), "--gold", tmp.resolve("g").toString(), "--source", SEEDS);
    assertEquals(1, unwritable.code());
    assertTrue(unwritable.oneErrorLine(), unwritable.err());
    assertTrue(unwritable.err().contains(file.resolve("a").toString()), unwritable.err());
  }

  @Test
  void debugShowsTheStackTrace() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    ProcessBuilder b = Run.child("cluster", SEEDS, "--index", file.resolve("idx").toString());
    b.environment().put("STORYCLUSTERS_DEBUG", "1");
    Run r = Run.of(b.start());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("storyclusters: "), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  /** The last resort: an unexpected exception is one line naming its class, no stack trace. */
  @Test
  void anUnexpectedExceptionIsOneLine() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create())
        .setErr(new java.io.PrintWriter(err));
    assertEquals(1, Failures.failed(new NullPointerException("boom"), cl, null));
    assertEquals("storyclusters: java.lang.NullPointerException: boom", err.toString().strip());
    assertEquals("a: b c", Failures.describe(new IllegalArgumentException("a: b\n  c")));
    assertEquals("/x: permission denied",
        Failures.describe(new java.nio.file.AccessDeniedException("/x")));
  }
}
