package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A caller's checkpoint is committed with exactly the adds it describes. */
class CheckpointTest {
  @TempDir Path tmp;

  private static StoryClusters open(Path dir) {
    return StoryClusters.builder().directory(dir).frequencyBits(16).build();
  }

  @Test
  void aCheckpointIsReadBackAfterReopenAndDescribesItsCommit() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = open(tmp)) {
      assertEquals(Optional.empty(), sc.checkpoint());
      sc.add(seeds.get("seed-000"));
      sc.commit("line=1");
      assertEquals(Optional.of("line=1"), sc.checkpoint());
      sc.commit(); // nothing new: the checkpoint stands
      assertEquals(Optional.of("line=1"), sc.checkpoint());
    }
    try (StoryClusters sc = open(tmp)) {
      assertEquals(Optional.of("line=1"), sc.checkpoint(), "close with nothing new keeps it");
      sc.add(seeds.get("seed-001"));
    } // close commits an add the checkpoint does not describe: it records none
    try (StoryClusters sc = open(tmp)) {
      assertEquals(Optional.empty(), sc.checkpoint());
      assertEquals(2, sc.size());
    }
  }

  @Test
  void aCommitWithNothingNewWritesNoNewCommit() throws Exception {
    try (StoryClusters sc = open(tmp)) {
      sc.add(Seeds.load().get("seed-000"));
      sc.commit();
      List<String> before = files();
      sc.commit();
      sc.commit();
      assertEquals(before, files());
    }
  }

  @Test
  void anUncommittedAddIsLostWithItsCheckpointNeverRecorded() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    StoryClusters sc = open(tmp);
    sc.add(seeds.get("seed-000"));
    sc.commit("1");
    sc.add(seeds.get("seed-001"));
    // a crash here: simulated by opening a copy of the folder as the last commit left it
    Path copy = tmp.resolveSibling(tmp.getFileName() + "-copy");
    try {
      copyCommitted(tmp, copy);
      try (StoryClusters reopened = open(copy)) {
        assertEquals(Optional.of("1"), reopened.checkpoint());
        assertEquals(1, reopened.size());
      }
    } finally {
      sc.close();
    }
  }

  @Test
  void theRecordedAssignmentIsTheOneAddReturned() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = open(tmp)) {
      Assignment first = sc.add(seeds.get("seed-000"));
      Assignment copy = sc.add(seeds.get("seed-003"));
      for (Assignment a : List.of(first, copy)) {
        Assignment recorded = sc.assignment(a.articleId()).orElseThrow();
        assertTrue(recorded.unchanged());
        assertEquals(a.clusterId(), recorded.clusterId());
        assertEquals(a.bestMatch(), recorded.bestMatch());
        assertEquals(a.scores(), recorded.scores());
      }
      sc.commit();
      assertEquals(copy.scores(), sc.assignment("seed-003").orElseThrow().scores(),
          "read back from the index after a refresh");
      assertFalse(sc.assignment("nope").isPresent());
    }
  }

  /** One change of a feed: an add (or update, when the id is known) or a remove. */
  private record Op(Article add, String remove) {}

  /** Adds, updates (a known id with other text) and removes, from the seed texts. */
  private static List<Op> feed(long seed) throws Exception {
    List<String> texts = Seeds.load().values().stream().map(Article::text).toList();
    java.util.Random r = new java.util.Random(seed);
    List<Op> ops = new java.util.ArrayList<>();
    for (int i = 0; i < 240; i++) {
      int kind = r.nextInt(10);
      if (kind == 0 && i > 10) {
        ops.add(new Op(null, "a" + r.nextInt(i)));
        continue;
      }
      String[] paragraphs = texts.get(r.nextInt(texts.size())).split("\n+");
      int start = r.nextInt(Math.max(1, paragraphs.length / 2));
      StringBuilder text = new StringBuilder();
      for (int k = start; k < paragraphs.length && k < start + 2 + r.nextInt(6); k++) {
        text.append(paragraphs[k]).append('\n');
      }
      String id = kind <= 2 && i > 10 ? "a" + r.nextInt(i) : "a" + i;
      ops.add(new Op(Article.builder(id).source("site" + r.nextInt(4)).text(text.toString())
          .build(), null));
    }
    return ops;
  }

  private static void apply(StoryClusters sc, Op op) {
    if (op.add() != null) {
      sc.add(op.add());
    } else {
      sc.remove(op.remove());
    }
  }

  private static Map<String, String> partition(StoryClusters sc) {
    Map<String, String> m = new java.util.TreeMap<>();
    for (StoryCluster c : sc.clusters()) {
      for (String member : c.members()) {
        m.put(member, c.id());
      }
    }
    return m;
  }

  /**
   * A feed of adds, updates and removes, committed with its position every few changes and
   * crashed at several points (the folder as its last commit left it): resuming from the
   * checkpoint ends with the clean run's clusters and ids. (Resuming from the start instead
   * re-applies superseded versions and removes, and fails.)
   */
  @Test
  void aFeedWithUpdatesAndRemovesResumesFromItsCheckpointToTheCleanRun() throws Exception {
    List<Op> ops = feed(11);
    Map<String, String> clean;
    try (StoryClusters sc = StoryClusters.builder().frequencyBits(16).build()) {
      ops.forEach(op -> apply(sc, op));
      clean = partition(sc);
    }
    for (int crash : new int[] {7, 60, 133, 201}) {
      Path dir = tmp.resolve("run" + crash);
      Path copy = tmp.resolve("crashed" + crash);
      try (StoryClusters sc = open(dir)) {
        for (int i = 0; i < crash; i++) {
          apply(sc, ops.get(i));
          if ((i + 1) % 9 == 0) {
            sc.commit(Integer.toString(i + 1));
          }
        }
        copyCommitted(dir, copy); // the crash: what the last commit left
      }
      try (StoryClusters sc = open(copy)) {
        int from = sc.checkpoint().map(Integer::parseInt).orElse(0);
        assertEquals(crash / 9 * 9, from);
        for (int i = from; i < ops.size(); i++) {
          apply(sc, ops.get(i));
        }
        assertEquals(clean, partition(sc), "crash after " + crash);
      }
    }
  }

  @Test
  void anOverlongCheckpointIsRefused() {
    try (StoryClusters sc = open(tmp)) {
      assertThrows(IllegalArgumentException.class, () -> sc.commit("x".repeat(40_000)));
      assertThrows(NullPointerException.class, () -> sc.commit((String) null));
    }
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("write.lock"))
          .sorted().toList();
    }
  }

  private static void copyCommitted(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        if (!p.getFileName().toString().equals("write.lock")) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    }
  }
}
