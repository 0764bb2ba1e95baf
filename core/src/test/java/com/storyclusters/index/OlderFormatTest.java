package com.storyclusters.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.Article;
import com.storyclusters.Seeds;
import com.storyclusters.StoryClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index of the format before this one ({@code format-7-index}: the seed pages clustered by the
 * command of that version, {@code --frequency-bits 10}) opens as it is: nothing indexed is lost,
 * its clusters stand, a copy added joins its original (its MinHash estimate, without a sketch of
 * this format's, the sets' exact Jaccard), and the next commit records this format with a clean
 * check.
 */
class OlderFormatTest {
  private static final List<String> FILES = List.of("_0.cfe", "_0.cfs", "_0.si", "segments_2",
      "storyclusters-stats-1-5");

  @TempDir Path tmp;

  @Test
  void aFormat7IndexOpensAndIsCarriedToThisFormat() throws Exception {
    Path dir = tmp.resolve("index");
    Files.createDirectories(dir);
    for (String f : FILES) {
      try (var in = OlderFormatTest.class.getResourceAsStream("format-7-index/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    assertEquals("7", format(dir));
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(10).build()) {
      assertEquals(5, sc.size());
      assertEquals("seed-000", sc.assignment("seed-003").orElseThrow().clusterId());
      assertEquals("seed-001", sc.assignment("seed-001").orElseThrow().clusterId());
      Article original = Seeds.load().get("seed-001");
      Article copy = Article.builder("copy-of-001").source("another site")
          .title(original.title()).text(original.text()).build();
      assertEquals("seed-001", sc.add(copy).clusterId());
      // the format-7 document has no sketch of this format's: its pairs report the exact Jaccard
      com.storyclusters.MatchScores s = sc.explain("copy-of-001", "seed-001").scores();
      assertEquals(s.jaccard(), s.minHashJaccard());
      assertTrue(s.jaccard() > 0.9, "an exact copy: " + s);
    }
    assertEquals(Integer.toString(IndexLayout.FORMAT_VERSION), format(dir));
    assertTrue(StoryClusters.check(dir).clean(), () -> StoryClusters.check(dir).toString());
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(10).build()) {
      assertEquals(6, sc.size());
      assertEquals("seed-001", sc.assignment("copy-of-001").orElseThrow().clusterId());
    }
  }

  private static String format(Path dir) throws Exception {
    try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(fs)) {
      return r.getIndexCommit().getUserData().get(IndexLayout.FORMAT_KEY);
    }
  }
}
