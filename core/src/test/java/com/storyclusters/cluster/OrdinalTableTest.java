package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ids to ordinals against a map, as the candidate index uses the table: ordinals handed out in
 * order, removals (backward shifts), growth, and a renumbering after a clear.
 */
@org.junit.jupiter.api.Tag("property")
class OrdinalTableTest {
  @Test
  void holdsWhatAMapHolds() {
    // each op: an id (op / 2) added (op % 2 == 0) or removed; ids that collide in their home
    com.storyclusters.Props.qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 2 * 100 - 1)).ofSizeBetween(0, 800))
        .checkAssert(ops -> {
          OrdinalTable table = new OrdinalTable();
          String[] ids = new String[ops.size() + 1];
          int size = 0;
          Map<String, Integer> reference = new HashMap<>();
          for (int op : ops) {
            String id = "Aa".repeat(op / 2 % 3) + "BB".repeat(2 - op / 2 % 3) + op / 6; // equal hashes
            Integer held = reference.get(id);
            if (op % 2 == 0 && held == null) {
              ids[size] = id;
              table.put(size, ids);
              reference.put(id, size++);
            } else if (op % 2 == 1 && held != null) {
              table.remove(id, ids);
              ids[held] = null;
              reference.remove(id);
            }
            for (int k = 0; k < 100; k++) {
              String probe = "Aa".repeat(k % 3) + "BB".repeat(2 - k % 3) + k / 3;
              assertEquals((int) reference.getOrDefault(probe, -1), table.get(probe, ids));
            }
          }
          // renumbered, as a compaction does
          table.clear();
          String[] live = Arrays.stream(ids, 0, size).filter(s -> s != null).toArray(String[]::new);
          for (int o = 0; o < live.length; o++) {
            table.put(o, live);
          }
          for (int o = 0; o < live.length; o++) {
            assertEquals(o, table.get(live[o], live));
          }
        });
  }
}
