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

/** The store's background indexer: changes apply in order, and a failure is never swallowed. */
class LuceneStoreTest {
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
}
