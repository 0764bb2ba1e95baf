package com.storyclusters.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.storyclusters.Article;
import com.storyclusters.Seeds;
import com.storyclusters.Settings;
import com.storyclusters.StoryClusters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open reads each article's id once: the cluster state and the candidate index hold the same
 * string, and a cluster's id is its starting article's id string, not a copy of it (two copies
 * cost about 56 bytes an article more after every open).
 */
class OpenSharesStringsTest {
  @TempDir Path dir;

  @Test
  void eachIdIsOneStringAfterAnOpen() throws Exception {
    Settings s;
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(10).build()) {
      for (Article a : Seeds.load().values()) {
        sc.add(a);
      }
      s = sc.settings();
    }
    int[] visited = {0};
    try (LuceneStore store = LuceneStore.open(dir, new IndexSettings(s.shingleSize(),
        s.signatureSize(), s.seed(), s.scheme(), s.fingerprintTitle(), s.storeText()), true);
        IndexSnapshot snap = store.snapshot()) {
      snap.visit(com.google.common.collect.Interners.newStrongInterner(),
          (member, position, evidence, lineKeys, storyLineKeys) -> {
            assertSame(member.id(), evidence.id());
            if (member.clusterId().equals(member.id())) {
              assertSame(member.id(), member.clusterId());
            }
            visited[0]++;
          });
    }
    assertEquals(Seeds.load().size(), visited[0]);
  }
}
