package com.storyclusters.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The indexer's queue: weights by stored text, order, room for the heaviest change, failures. */
class IndexQueueTest {
  @Test
  void aChangeWeighsOneAndOneMorePerUnitOfText() {
    assertEquals(1, IndexQueue.weight(0));
    assertEquals(1, IndexQueue.weight(8191));
    assertEquals(2, IndexQueue.weight(8192));
    assertEquals(123, IndexQueue.weight(1_000_000));
    assertEquals(IndexQueue.MAX_PENDING, IndexQueue.weight(Long.MAX_VALUE / 2));
  }

  @Test
  void changesOfEveryWeightRunInOrder() throws IOException {
    IndexQueue q = new IndexQueue();
    List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      int n = i;
      int weight = i % 97 == 0 ? IndexQueue.MAX_PENDING : 1 + i % 5; // the heaviest too
      q.submit(() -> applied.add(n), weight);
      expected.add(n);
    }
    q.drain();
    assertEquals(expected, applied);
    q.shutdown();
  }

  @Test
  void theFirstFailureIsReportedAndLaterChangesAreNotApplied() throws IOException {
    IndexQueue q = new IndexQueue();
    List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
    q.submit(() -> applied.add(1), 1);
    q.submit(() -> {
      throw new IOException("disk full");
    }, 1);
    q.submit(() -> applied.add(3), 1);
    IOException e = assertThrows(IOException.class, q::drain);
    assertEquals("an earlier add or delete failed in the background: disk full", e.getMessage());
    assertThrows(IOException.class, () -> q.submit(() -> applied.add(4), 1));
    assertEquals(List.of(1), applied);
    q.shutdownAndWait();
  }
}
