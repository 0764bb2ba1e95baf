package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a small index (compound and not), cut short, with one bit flipped in the middle,
 * or deleted: the open fails with "corrupt index at PATH" and changes nothing in the folder, or,
 * where the damage is not found cheaply (stored fields, the statistics cache), the open gives the
 * answers of the sound index and {@link StoryClusters#check} reports it. A read-only open never
 * changes the folder.
 */
class CorruptionMatrixTest {
  @TempDir Path tmp;

  private enum Damage {
    TRUNCATED, BIT_FLIPPED, DELETED
  }

  /** The answers of an index: each article's cluster and what a probe would join. */
  private record Answers(Map<String, String> clusters, Optional<String> probe) {}

  /** A few dozen articles from the seeds: each seed under six ids, two of them removed. */
  static Path build(Path dir) throws Exception {
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(12).build()) {
      for (int copy = 0; copy < 6; copy++) {
        for (Article a : Seeds.load().values()) {
          sc.add(Article.builder(a.id() + "-" + copy).source(a.source() + copy).title(a.title())
              .text(a.text() + "\n\nCopy " + copy + ".").published(a.published().orElseThrow())
              .build());
        }
        if (copy == 2) {
          sc.commit(); // two segments
        }
      }
      sc.remove("seed-001-1");
      sc.remove("seed-002-4");
    }
    return dir;
  }

  /** Rewrites an index into one segment of separate files (no compound file), same commit data. */
  static void uncompound(Path dir) throws Exception {
    try (FSDirectory fs = FSDirectory.open(dir)) {
      Map<String, String> data;
      try (DirectoryReader r = DirectoryReader.open(fs)) {
        data = r.getIndexCommit().getUserData();
      }
      TieredMergePolicy policy = new TieredMergePolicy();
      policy.setNoCFSRatio(0.0);
      IndexWriterConfig config = new IndexWriterConfig()
          .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
          .setUseCompoundFile(false).setMergePolicy(policy)
          .setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      try (IndexWriter w = new IndexWriter(fs, config)) {
        w.forceMerge(1);
        w.setLiveCommitData(data.entrySet());
        w.commit();
      }
    }
  }

  private static Answers answers(StoryClusters sc) throws Exception {
    Map<String, String> clusters = new TreeMap<>();
    for (StoryCluster c : sc.clusters()) {
      for (String id : c.members()) {
        clusters.put(id, c.id());
      }
    }
    Article seed = Seeds.load().get("seed-000");
    Article probe = Article.builder("probe").source("elsewhere").title(seed.title())
        .text(seed.text()).build();
    return new Answers(clusters, sc.match(probe).map(Assignment::clusterId));
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void damage(Path file, Damage how) throws Exception {
    byte[] b = Files.readAllBytes(file);
    switch (how) {
      case TRUNCATED -> Files.write(file, Arrays.copyOf(b, b.length / 2));
      case BIT_FLIPPED -> {
        b[b.length / 2] ^= 0x10;
        Files.write(file, b);
      }
      case DELETED -> Files.delete(file);
    }
  }

  @Test
  void compoundSegments() throws Exception {
    Path sound = build(tmp.resolve("sound"));
    assertTrue(names(sound).stream().anyMatch(n -> n.endsWith(".cfs")), names(sound).toString());
    assertTrue(names(sound).stream().anyMatch(n -> n.endsWith(".liv")), names(sound).toString());
    matrix(sound);
    // each file inside each compound file: one bit flipped in its middle
    Answers expected;
    try (StoryClusters sc = StoryClusters.builder().directory(sound).readOnly(true).build()) {
      expected = answers(sc);
    }
    int run = 0;
    for (String cfs : names(sound).stream().filter(n -> n.endsWith(".cfs")).toList()) {
      for (Map.Entry<String, long[]> inner : entries(sound, cfs).entrySet()) {
        Path dir = tmp.resolve("inner" + run++);
        copy(sound, dir);
        byte[] b = Files.readAllBytes(dir.resolve(cfs));
        b[(int) (inner.getValue()[0] + inner.getValue()[1] / 2)] ^= 0x10;
        Files.write(dir.resolve(cfs), b);
        oneCase(dir, cfs, Damage.BIT_FLIPPED, expected);
      }
    }
    assertTrue(run >= 8, "files inside the compound files: " + run);
  }

  /** The files inside a compound file: name to {offset, length}, from its .cfe. */
  private static Map<String, long[]> entries(Path dir, String cfs) throws Exception {
    Map<String, long[]> out = new TreeMap<>();
    try (FSDirectory fs = FSDirectory.open(dir); org.apache.lucene.store.IndexInput in =
        fs.openInput(cfs.replace(".cfs", ".cfe"), org.apache.lucene.store.IOContext.READONCE)) {
      org.apache.lucene.codecs.CodecUtil.readIndexHeader(in);
      int n = in.readVInt();
      for (int i = 0; i < n; i++) {
        out.put(in.readString(), new long[] {in.readLong(), in.readLong()});
      }
    }
    return out;
  }

  @Test
  void separateFiles() throws Exception {
    Path sound = build(tmp.resolve("sound"));
    uncompound(sound);
    for (String ext : new String[] {".fdt", ".fdx", ".fdm", ".dvd", ".dvm", ".tim", ".tip",
        ".tmd", ".doc", ".si", ".fnm"}) {
      assertTrue(names(sound).stream().anyMatch(n -> n.endsWith(ext)), ext + " " + names(sound));
    }
    assertFalse(names(sound).stream().anyMatch(n -> n.endsWith(".cfs")));
    matrix(sound);
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private void matrix(Path sound) throws Exception {
    Answers expected;
    try (StoryClusters sc = StoryClusters.builder().directory(sound).readOnly(true).build()) {
      expected = answers(sc);
    }
    assertTrue(StoryClusters.check(sound).clean(), StoryClusters.check(sound).problems()
        .toString());
    int run = 0;
    for (String file : names(sound)) {
      if (file.equals("write.lock")) {
        continue;
      }
      for (Damage how : Damage.values()) {
        Path dir = tmp.resolve("case" + run++);
        copy(sound, dir);
        damage(dir.resolve(file), how);
        oneCase(dir, file, how, expected);
      }
    }
  }

  /** Opens (read-only, then for writing) and checks a damaged copy. */
  private static void oneCase(Path dir, String file, Damage how, Answers expected)
      throws Exception {
    Map<String, String> before = OpenFaultsTest.hashes(dir);
    String opened;
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(12)
        .readOnly(true).build()) {
      assertEquals(expected, answers(sc), file + ": an open that succeeds answers as the sound");
      opened = "opens";
    } catch (StoryClustersException e) {
      assertTrue(e.getMessage().startsWith("corrupt index at " + dir + ": "), e.getMessage());
      assertNamesTheDamage(e.getMessage(), file, how);
      opened = "refused";
    }
    assertEquals(before, OpenFaultsTest.hashes(dir), file + ": a read-only open changes nothing");
    CheckReport report = StoryClusters.check(dir);
    assertEquals(before, OpenFaultsTest.hashes(dir), file + ": check changes nothing");
    assertFalse(report.clean(), file + ": check finds it");
    for (String p : report.problems()) {
      assertTrue(p.startsWith("corrupt index at " + dir + ": "), p);
    }
    assertNamesTheDamage(report.problems().get(0), file, how);
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(12).build()) {
      assertEquals("opens", opened, file + ": opens for writing but not read-only");
      assertEquals(expected, answers(sc), file);
    } catch (StoryClustersException e) {
      assertTrue(opened.startsWith("refused"), file + ": opens read-only but not for writing");
      assertTrue(e.getMessage().startsWith("corrupt index at " + dir + ": "), e.getMessage());
      assertNamesTheDamage(e.getMessage(), file, how);
      assertEquals(before, OpenFaultsTest.hashes(dir), file + ": a failed open changes nothing");
    }
  }

  /** The damaged file is named (a compound file's part by the compound file's name). */
  private static void assertNamesTheDamage(String message, String file, Damage how) {
    boolean lostCommit = file.startsWith("segments") && how == Damage.DELETED;
    assertTrue(lostCommit ? message.contains("no commit") : message.contains(file), message);
  }
}
