package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The id table against a map (puts in place, removals, tombstones reused and dropped, growth), and
 * readers that take no lock while one thread writes.
 */
@org.junit.jupiter.api.Tag("property")
class IdTableTest {
  record Value(String id, int version) {}

  @Test
  void holdsWhatAMapHolds() {
    // each op: an id (op / 3; few, so that ids return) and put, put again or remove by op % 3
    com.storyclusters.Props.qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 3 * 60 - 1)).ofSizeBetween(0, 1500))
        .checkAssert(ops -> {
          IdTable<Value> table = new IdTable<>(Value::id);
          Map<String, Value> reference = new HashMap<>();
          int version = 0;
          for (int op : ops) {
            String id = "a" + op / 3;
            if (op % 3 == 2) {
              assertSame(reference.remove(id), table.remove(id));
            } else {
              Value v = new Value(id, version++);
              assertSame(reference.put(id, v), table.put(v));
            }
            assertEquals(reference.size(), table.size());
          }
          for (int k = 0; k < 60; k++) {
            assertSame(reference.get("a" + k), table.get("a" + k));
          }
          assertEquals(new HashSet<>(reference.values()), new HashSet<>(table.values()));
          assertEquals(reference.size(), new ArrayList<>(table.values()).size());
        });
  }

  /**
   * One writer puts, replaces and removes while readers look up: a reader sees each value whole,
   * with the id it asked for, and always finds the ids that are never removed.
   */
  @Test
  void readersNeedNoLock() throws InterruptedException {
    IdTable<Value> table = new IdTable<>(Value::id);
    for (int i = 0; i < 100; i++) {
      table.put(new Value("kept" + i, 0));
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    for (int r = 0; r < 2; r++) {
      Thread t = new Thread(() -> {
        try {
          for (int round = 0; !done.get(); round++) {
            Value kept = table.get("kept" + round % 100);
            if (kept == null || !kept.id().equals("kept" + round % 100)) {
              throw new AssertionError("lost kept" + round % 100);
            }
            Value other = table.get("x" + round % 5_000);
            if (other != null && !other.id().equals("x" + round % 5_000)) {
              throw new AssertionError("wrong value " + other);
            }
            for (Value v : table.values()) {
              if (v == null || v.id() == null) {
                throw new AssertionError("a value not whole");
              }
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      readers.add(t);
      t.start();
    }
    for (int i = 0; i < 200_000; i++) {
      String id = "x" + i % 5_000;
      if (i % 3 == 2) {
        table.remove(id);
      } else {
        table.put(new Value(id, i));
      }
      if (i % 1_000 == 0) {
        table.put(new Value("kept" + i % 100, i)); // replaced in place
      }
    }
    done.set(true);
    for (Thread t : readers) {
      t.join();
    }
    assertNull(failure.get(), () -> String.valueOf(failure.get()));
    for (int i = 0; i < 100; i++) {
      assertTrue(table.get("kept" + i) != null);
    }
  }
}
