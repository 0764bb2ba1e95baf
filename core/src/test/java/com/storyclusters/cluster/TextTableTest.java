package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The members by text hash against a map of ids: several members to a hash, hashes that share a
 * home slot (probe runs, backward shifts past the table's end), removals, growth.
 */
@org.junit.jupiter.api.Tag("property")
class TextTableTest {
  /** Eight text hashes, two homes of four (equal high bits), one of them the last slot's. */
  private static long hash(int k) {
    long high = k < 4 ? 0x1234_5678_0000_0000L : 0xFFFF_FFFF_0000_0000L;
    return high | k;
  }

  @Test
  void findsTheSmallestOtherIdLikeAMap() {
    // each op: a member (op / 2: its id, its hash by id % 8) put or removed (op % 2)
    com.storyclusters.Props.qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 2 * 80 - 1)).ofSizeBetween(0, 600))
        .checkAssert(ops -> {
          TextTable table = new TextTable();
          Map<String, ClusterState.Member> reference = new HashMap<>();
          for (int op : ops) {
            int k = op / 2;
            String id = "a" + k;
            ClusterState.Member m = new ClusterState.Member(id, "s", "c", 0, hash(k % 8));
            ClusterState.Member held = reference.remove(id);
            if (held != null) {
              table.remove(held.textHash(), id);
            }
            if (op % 2 == 0) {
              table.add(m);
              reference.put(id, m);
            }
            for (int h = 0; h < 8; h++) {
              for (String excluded : new String[] {null, id, "a" + h}) {
                ClusterState.Member expected = null;
                for (ClusterState.Member r : reference.values()) {
                  if (r.textHash() == hash(h) && !r.id().equals(excluded)
                      && (expected == null || r.id().compareTo(expected.id()) < 0)) {
                    expected = r;
                  }
                }
                assertSame(expected, table.smallestOther(hash(h), excluded));
              }
            }
          }
        });
  }
}
