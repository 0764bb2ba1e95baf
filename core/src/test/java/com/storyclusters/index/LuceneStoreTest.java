package com.storyclusters.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.storyclusters.Article;
import com.storyclusters.Seeds;
import com.storyclusters.StoryClusters;
import com.storyclusters.cluster.ClusterState;
import com.storyclusters.cluster.Evidence;
import com.storyclusters.cluster.ShingleFrequencies;
import com.storyclusters.fingerprint.Fingerprint;
import com.storyclusters.fingerprint.Prepared;
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
@org.junit.jupiter.api.Tag("property")
class LuceneStoreTest {
  @TempDir java.nio.file.Path tmp;

  private static LuceneStore open() {
    return new LuceneStore(new ByteBuffersDirectory(), "memory",
        new IndexSettings(2, 128, 1, MinHasher.Scheme.ONE_PERMUTATION, true, true));
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

  /**
   * What an open reads back is what was indexed (lead stored as ranks into the set, band keys as
   * doc values), and the only indexed field is the id: candidates are looked up in memory.
   */
  @Test
  void aFingerprintReadsBackAsIndexedAndOnlyTheIdIsIndexed() throws IOException {
    MinHasher hasher = new MinHasher(128, 1, MinHasher.Scheme.ONE_PERMUTATION);
    String[] words = "the minister said on monday that talks with leaders of the region would go on"
        .split(" ");
    com.storyclusters.Props.qt().withExamples(40).forAll(longs().all(), integers().between(0, 3000))
        .checkAssert((seed, n) -> {
          java.util.Random r = new java.util.Random(seed);
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < n; i++) { // repeats: a lead holds some shingles twice
            text.append(r.nextInt(4) == 0 ? words[r.nextInt(words.length)] : "w" + r.nextInt(900))
                .append(r.nextInt(12) == 0 ? ".\n" : " ");
          }
          Fingerprint fp = Fingerprint.select(Prepared.of(Article.of("a", text.toString()), 2,
              1_000_000, true), null, hasher, 20_000);
          try (LuceneStore store = open()) {
            store.add(fp, new ClusterState.Member("a", "", "a", Long.MAX_VALUE, 0), null, null, 0);
            store.refresh();
            try (IndexSnapshot snap = store.snapshot()) {
              Evidence c = snap.evidence("a");
              assertArrayEquals(fp.lead, c.lead());
              assertEquals(fp.length, c.length());
              assertArrayEquals(fp.set, c.set());
              assertArrayEquals(fp.sketch, c.sketch());
              List<String> indexed = new ArrayList<>();
              for (org.apache.lucene.index.FieldInfo f : org.apache.lucene.index.FieldInfos
                  .getMergedFieldInfos(snap.reader())) {
                if (f.getIndexOptions() != org.apache.lucene.index.IndexOptions.NONE) {
                  indexed.add(f.name);
                }
              }
              assertEquals(List.of(IndexLayout.ID), indexed); // candidates live in memory
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
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
    String name;
    try (org.apache.lucene.store.FSDirectory fs = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.DirectoryReader reader =
            org.apache.lucene.index.DirectoryReader.open(fs)) {
      name = reader.getIndexCommit().getUserData().get(IndexLayout.STATS_KEY);
      assertTrue(name != null && java.util.Arrays.asList(fs.listAll()).contains(name),
          "the table of the last commit: " + name);
      ShingleFrequencies saved = StatisticsFile.read(fs, name, 16);
      ShingleFrequencies rebuilt = new ShingleFrequencies(16);
      for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
        IndexLayout.LeafFields fields = new IndexLayout.LeafFields(leaf.reader(), "test");
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            rebuilt.add(fields.set(doc), 1);
          }
        }
      }
      assertTrue(saved.sameCounts(rebuilt));
    }
    // a damaged table is not used: the index opens, rebuilds it and answers as before
    java.nio.file.Path file = dir.resolve(name);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    java.nio.file.Files.write(file, bytes);
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(16).build()) {
      for (Article a : Seeds.load().values()) {
        if (!a.id().equals("seed-001")) {
          assertEquals(assigned.get(a.id()), sc.add(a).clusterId(), a.id());
        }
      }
    }
  }

  /**
   * The table is written when there is none, or when a delete changed it; adds since are replayed
   * on open from the index (so commits do not rewrite a 2^(bits+2)-byte table each time).
   */
  @Test
  void theTableIsRewrittenOnlyWhenTheIndexCannotReplayIt() throws Exception {
    java.nio.file.Path dir = tmp.resolve("index2");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(16).build()) {
      sc.add(Seeds.load().get("seed-000"));
      sc.commit();
      java.nio.file.Path table = onlyTable(dir);
      java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(table);
      sc.commit();
      sc.add(Seeds.load().get("seed-001"));
      sc.commit();
      assertEquals(table, onlyTable(dir), "adds are replayed from the index on open");
      assertEquals(written, java.nio.file.Files.getLastModifiedTime(table));
      sc.remove("seed-000");
      sc.commit();
      assertTrue(!table.equals(onlyTable(dir)), "a delete is not replayable: the table is written");
    }
  }

  private static java.nio.file.Path onlyTable(java.nio.file.Path dir) throws IOException {
    try (var files = java.nio.file.Files.list(dir)) {
      List<java.nio.file.Path> tables = files.filter(
          f -> f.getFileName().toString().startsWith(StatisticsFile.PREFIX)).toList();
      assertEquals(1, tables.size(), tables.toString());
      return tables.get(0);
    }
  }
}
