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
  @org.junit.jupiter.api.Timeout(60)
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
  @org.junit.jupiter.api.Timeout(60)
  void theFirstFailureIsReportedAndLaterChangesAreNotApplied() throws IOException {
    IndexQueue q = new IndexQueue();
    List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    q.submit(() -> { // holds the indexer until all three are queued
      try {
        go.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      applied.add(1);
    }, 1);
    q.submit(() -> {
      throw new IOException("disk full");
    }, 1);
    q.submit(() -> applied.add(3), 1); // queued before the failure: skipped when its turn comes
    go.countDown();
    IOException e = assertThrows(IOException.class, q::drain);
    assertEquals("an earlier add or delete failed in the background: disk full", e.getMessage());
    assertThrows(IOException.class, () -> q.submit(() -> applied.add(4), 1));
    assertEquals(List.of(1), applied);
    q.shutdownAndWait();
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aFullQueueHoldsTheWriterBackUntilTheIndexerCatchesUp() throws Exception {
    IndexQueue q = new IndexQueue();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    q.submit(() -> { // the indexer holds it until released
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }, IndexQueue.MAX_PENDING - 1);
    q.submit(() -> { }, 1); // the last unit
    java.util.concurrent.atomic.AtomicBoolean queued =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread writer = new Thread(() -> {
      try {
        q.submit(() -> { }, 1);
        queued.set(true);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    writer.join(300);
    assertEquals(false, queued.get(), "no room while the first change runs");
    release.countDown();
    writer.join();
    assertEquals(true, queued.get());
    q.drain();
    q.shutdown();
    IOException closed = assertThrows(IOException.class, () -> q.submit(() -> { }, 1));
    assertEquals("the index writer is closed", closed.getMessage());
    q.drain(); // nothing queued: returns
  }
}
