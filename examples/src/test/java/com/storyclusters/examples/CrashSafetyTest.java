package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code storyclusters cluster --index DIR} with SIGKILL at random moments, many times, then
 * lets it finish: the index must reopen every time and the final clusters must equal those of an
 * uninterrupted run. Rounds: {@code -Dstoryclusters.crashRounds} (default 6, to fit CI).
 */
class CrashSafetyTest {
  @TempDir Path tmp;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ARTICLES = 1400;

  /**
   * 1,400 articles built from the seed texts: copies, trimmed copies and sentence mixtures; past
   * the first 1,024 positions, so kills fall inside multi-article statistics epochs too; 200 of
   * them are sent again later with other text (updates).
   */
  static Path corpus(Path dir) throws Exception {
    List<String> seeds = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../samples/seeds/articles.jsonl"))) {
      seeds.add(JSON.readTree(line).get("text").asText());
    }
    Random r = new Random(7);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      String base = seeds.get(i % seeds.size());
      String[] paragraphs = base.split("\n+");
      StringBuilder text = new StringBuilder("Site " + (i % 9) + " header\n");
      int start = r.nextInt(3) == 0 ? r.nextInt(Math.max(1, paragraphs.length / 2)) : 0;
      int end = start + 3 + r.nextInt(Math.max(1, paragraphs.length - start - 2));
      for (int p = start; p < Math.min(end, paragraphs.length); p++) {
        text.append(paragraphs[p]).append('\n');
      }
      if (r.nextBoolean()) {
        text.append(seeds.get(r.nextInt(seeds.size())).split("\n+")[r.nextInt(5)]);
      }
      ObjectNode n = JSON.createObjectNode();
      n.put("id", String.format("a%04d", i));
      n.put("source", "site" + (i % 9));
      n.put("text", text.toString());
      n.put("published", String.format("2025-06-%02d", 1 + i % 28));
      lines.add(JSON.writeValueAsString(n));
    }
    // updates: every seventh article is sent again 40 to 400 lines later with other text
    List<String> withUpdates = new ArrayList<>();
    java.util.TreeMap<Integer, List<String>> later = new java.util.TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      withUpdates.add(lines.get(i));
      if (i % 7 == 3) {
        ObjectNode n = (ObjectNode) JSON.readTree(lines.get(i));
        String other = JSON.readTree(lines.get(r.nextInt(lines.size()))).get("text").asText();
        n.put("text", r.nextBoolean() ? other : n.get("text").asText().split("\n")[0] + "\n"
            + other);
        later.computeIfAbsent(i + 40 + r.nextInt(360), k -> new ArrayList<>())
            .add(JSON.writeValueAsString(n));
      }
      List<String> due = later.remove(i);
      if (due != null) {
        withUpdates.addAll(due);
      }
    }
    later.values().forEach(withUpdates::addAll);
    Path file = dir.resolve("corpus.jsonl");
    Files.write(file, withUpdates);
    return file;
  }

  private static Process start(Path input, Path index, Path output) throws Exception {
    return start(input, index, output, null);
  }

  /** The command in a child process; its stderr to {@code log} (null: discarded). */
  private static Process start(Path input, Path index, Path output, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "cluster", input.toString(), "--index", index.toString(),
        "--output", output.toString(), "--commit-every", "20", "--quiet")
        .redirectErrorStream(true).redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD
            : ProcessBuilder.Redirect.to(log.toFile())).start();
  }

  /**
   * Kills aimed at each phase of a run, seen from outside: while the index is opened and rebuilt,
   * while a Lucene commit is being written ({@code pending_segments_N} present), while the
   * statistics file is being written (its {@code .tmp} present), and while adding between
   * commits; then the run resumes to the clean run's clusters.
   */
  @Test
  void killsAimedAtEachPhaseResumeToTheSameClusters() throws Exception {
    Path input = corpus(tmp);
    Path refOut = tmp.resolve("ref.jsonl");
    assertEquals(0, start(input, tmp.resolve("ref-index"), refOut).waitFor());
    Map<String, String> expected = CommandTest.clusters(refOut);
    Path index = tmp.resolve("index");
    Path out = tmp.resolve("out.jsonl");
    Map<String, Integer> hits = new java.util.TreeMap<>();
    java.util.function.Predicate<String> commitWriting = f -> f.startsWith("pending_segments");
    java.util.function.Predicate<String> statsWriting = f -> f.endsWith(".tmp");
    for (int round = 0; round < 8; round++) {
      Process p = start(input, index, out);
      String phase;
      if (round % 4 == 0) {
        phase = Files.exists(index) ? "open" : "start";
        Thread.sleep(250 + 100 * round);
      } else {
        phase = round % 4 == 1 ? "commit" : round % 4 == 2 ? "statistics" : "adding";
        java.util.function.Predicate<String> when = round % 4 == 1 ? commitWriting
            : round % 4 == 2 ? statsWriting : f -> f.endsWith(".fdt");
        if (!waitFor(index, when, p)) {
          phase = "ended before " + phase;
        }
      }
      p.destroyForcibly().waitFor();
      hits.merge(phase, 1, Integer::sum);
    }
    System.out.println("aimed kills: " + hits);
    assertTrue(hits.getOrDefault("commit", 0) + hits.getOrDefault("open", 0) > 0, hits.toString());
    Path log = tmp.resolve("last.log");
    Process last = start(input, index, out, log);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, last.exitValue(), Files.readString(log));
    assertSameClusters(expected, CommandTest.clusters(out));
  }

  /** Polls the index folder until a file name matches (true), or the process ends (false). */
  private static boolean waitFor(Path index, java.util.function.Predicate<String> when, Process p)
      throws Exception {
    while (p.isAlive()) {
      if (Files.isDirectory(index)) {
        try (var files = Files.list(index)) {
          if (files.anyMatch(f -> when.test(f.getFileName().toString()))) {
            return true;
          }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
          // the folder changed while listed: look again
        }
      }
      Thread.onSpinWait();
    }
    return false;
  }

  /** The same input with updates gives the same output at any commit interval, in memory too. */
  @Test
  void theCommitIntervalChangesNothing() throws Exception {
    Path input = corpus(tmp);
    List<String> reference = null;
    for (String every : new String[] {"0", "7", "500"}) {
      Path out = tmp.resolve("out" + every + ".jsonl");
      assertEquals(0, Main.run("cluster", input.toString(), "--index",
          tmp.resolve("index" + every).toString(), "--output", out.toString(), "--commit-every",
          every, "--quiet"));
      if (reference == null) {
        reference = Files.readAllLines(out);
      } else {
        assertEquals(reference, Files.readAllLines(out), "--commit-every " + every);
      }
    }
    Path memory = tmp.resolve("memory.jsonl");
    assertEquals(0, Main.run("cluster", input.toString(), "--output", memory.toString(),
        "--quiet"));
    assertEquals(reference, Files.readAllLines(memory), "in memory");
  }

  /**
   * A second run of a finished input over its index resumes after the checkpoint the first
   * committed: nothing is re-applied (re-adding a superseded version would undo its update), and
   * every line reports the article's assignment as recorded.
   */
  @Test
  void aReRunOfAFinishedInputChangesNothing() throws Exception {
    Path input = corpus(tmp);
    Path index = tmp.resolve("index");
    Path first = tmp.resolve("first.jsonl");
    Path second = tmp.resolve("second.jsonl");
    assertEquals(0, start(input, index, first).waitFor());
    assertEquals(0, start(input, index, second).waitFor());
    assertSameClusters(CommandTest.clusters(first), CommandTest.clusters(second));
    List<String> lines = Files.readAllLines(second);
    assertEquals(Files.readAllLines(input).size(), lines.size());
    for (String line : lines) {
      assertTrue(JSON.readTree(line).path("unchanged").asBoolean(), line);
    }
  }

  @Test
  void killedRunsResumeToTheSameClusters() throws Exception {
    Path input = corpus(tmp);
    Path refOut = tmp.resolve("ref.jsonl");
    Process ref = start(input, tmp.resolve("ref-index"), refOut);
    assertTrue(ref.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, ref.exitValue());
    Map<String, String> expected = CommandTest.clusters(refOut);
    assertEquals(ARTICLES, expected.size());
    assertTrue(new java.util.HashSet<>(expected.values()).size() < ARTICLES, "corpus has copies");

    int rounds = Integer.getInteger("storyclusters.crashRounds", 6);
    Random r = new Random(rounds);
    Path index = tmp.resolve("index");
    Path out = tmp.resolve("out.jsonl");
    int killed = 0;
    for (int round = 0; round < rounds; round++) {
      Files.deleteIfExists(out);
      Process p = start(input, index, out);
      long delay = 300 + r.nextInt(2500);
      if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(); // SIGKILL on Linux
        killed++;
        assertTrue(Files.notExists(out), "a killed run leaves no output file");
      }
    }
    System.out.println("crash rounds: " + rounds + ", killed mid-run: " + killed);
    assertTrue(killed > 0, "no round was killed mid-run; raise the corpus size");
    Process last = start(input, index, out);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, last.exitValue());
    assertSameClusters(expected, CommandTest.clusters(out));
  }

  /** Fails naming the first few articles in another cluster (not the whole maps). */
  static void assertSameClusters(Map<String, String> expected, Map<String, String> actual) {
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(actual.get(e.getKey()))) {
        differing.add(e.getKey() + ": " + e.getValue() + " vs " + actual.get(e.getKey()));
      }
    }
    assertEquals(expected.size(), actual.size(), "articles");
    assertTrue(differing.isEmpty(), differing.size() + " articles in another cluster, e.g. "
        + differing.subList(0, Math.min(5, differing.size())));
  }
}
