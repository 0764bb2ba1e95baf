package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.minhash.MinHasher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's background indexer (changes apply in order, a failure is never swallowed) and the
 * frequency table saved with each commit.
 */
class LuceneStoreTest {
  @TempDir java.nio.file.Path tmp;

  private static LuceneStore open() {
    return new LuceneStore(new ByteBuffersDirectory(), "memory",
        new IndexSettings(2, 128, 1, MinHasher.Scheme.ONE_PERMUTATION, 16, 8));
  }

  @Test
  void changesApplyInSubmissionOrderBeforeRefreshAndCommitReturn() throws IOException {
    List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
    try (LuceneStore store = open()) {
      for (int i = 0; i < 1000; i++) { // more than the queue holds: submit blocks, never drops
        int n = i;
        store.submit(() -> applied.add(n));
      }
      store.commit();
      assertEquals(1000, applied.size());
      for (int i = 0; i < 1000; i++) {
        assertEquals(i, applied.get(i));
      }
    }
  }

  @Test
  void aBackgroundFailureIsReportedByTheNextCallAndLaterChangesAreNotApplied() throws IOException {
    LuceneStore store = open();
    boolean[] later = {false};
    store.submit(() -> {
      throw new IOException("disk full");
    });
    IOException onCommit = assertThrows(IOException.class, store::commit);
    assertTrue(onCommit.getMessage().contains("disk full"), onCommit.getMessage());
    assertThrows(IOException.class, () -> store.submit(() -> later[0] = true));
    assertThrows(IOException.class, store::refresh);
    assertFalse(later[0]);
    assertThrows(IOException.class, store::close); // reported again on close, resources released
  }

  @Test
  void theFrequencyTableSavedWithACommitEqualsOneRebuiltFromTheIndex() throws Exception {
    java.nio.file.Path dir = tmp.resolve("index");
    java.util.Map<String, String> assigned = new java.util.TreeMap<>();
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(16).build()) {
      for (Article a : Seeds.load().values()) {
        assigned.put(a.id(), sc.add(a).clusterId());
      }
      sc.remove("seed-001"); // deletes count too
    }
    try (org.apache.lucene.store.FSDirectory fs = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.DirectoryReader reader =
            org.apache.lucene.index.DirectoryReader.open(fs)) {
      long generation = org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(fs);
      String name = "storyclusters-frequencies-" + generation;
      assertTrue(java.util.Arrays.asList(fs.listAll()).contains(name), "table of the last commit");
      ShingleFrequencies saved;
      try (org.apache.lucene.store.ChecksumIndexInput in =
          fs.openChecksumInput(name, org.apache.lucene.store.IOContext.READONCE)) {
        saved = ShingleFrequencies.readFrom(in, 16);
      }
      assertTrue(saved.sameCounts(ShingleFrequencies.rebuild(reader, 16)));
      // a damaged table is not used: the index opens, rebuilds it and answers as before
      java.nio.file.Path file = dir.resolve(name);
      byte[] bytes = java.nio.file.Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 1;
      java.nio.file.Files.write(file, bytes);
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(16).build()) {
      for (Article a : Seeds.load().values()) {
        if (!a.id().equals("seed-001")) {
          assertEquals(assigned.get(a.id()), sc.add(a).clusterId(), a.id());
        }
      }
    }
  }
}
