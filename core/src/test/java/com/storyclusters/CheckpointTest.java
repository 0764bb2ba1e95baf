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
