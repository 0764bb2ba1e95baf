package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a folder that is not (or no longer) a storyclusters index: refused, and the folder left
 * byte for byte as it was; a failed open releases the index for the next one.
 */
class OpenFaultsTest {
  @TempDir Path tmp;

  /** Every file under {@code dir} (relative name) with the SHA-256 of its bytes. */
  static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  /** A folder of the user's, with names Lucene would take for its own files. */
  static Path userFolder(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String name : new String[] {"_a.txt", "_0.cfs", "notes.md", "_1_Lucene90_0.dvd"}) {
      Files.writeString(dir.resolve(name), "the user's " + name, StandardCharsets.UTF_8);
    }
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/_2.fdt"), "kept", StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void aFolderOfTheUsersIsRefusedAndLeftUntouched() throws Exception {
    Path dir = userFolder(tmp.resolve("mine"));
    Map<String, String> before = hashes(dir);
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertTrue(e.getMessage().equals(dir + " is not a storyclusters index and not empty: "
        + "refusing to use it (it holds 5 files, e.g. _0.cfs)"), e.getMessage());
    assertEquals(before, hashes(dir));
    assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).readOnly(true).build());
    assertEquals(before, hashes(dir));
  }

  @Test
  void aFolderWithIndexFilesButNoCommitIsADamagedIndexNeverRecreated() throws Exception {
    Path dir = tmp.resolve("lost");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments"))
          .toList()) {
        Files.delete(f);
      }
    }
    Map<String, String> before = hashes(dir);
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertTrue(e.getMessage().startsWith("corrupt index at " + dir + ": no commit"),
        e.getMessage());
    assertEquals(before, hashes(dir));

    Path si = Files.createDirectories(tmp.resolve("si"));
    Files.writeString(si.resolve("_a.si"), "not a segment");
    e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(si).build());
    assertTrue(e.getMessage().startsWith("corrupt index at " + si + ": no commit"),
        e.getMessage());
    assertEquals(Map.of("_a.si", hashes(si).get("_a.si")), hashes(si));
  }

  @Test
  void aLuceneIndexOfSomeoneElseIsRefused() throws Exception {
    Path dir = tmp.resolve("theirs");
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var w = new org.apache.lucene.index.IndexWriter(d,
            new org.apache.lucene.index.IndexWriterConfig())) {
      org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
      doc.add(new org.apache.lucene.document.StringField("x", "y",
          org.apache.lucene.document.Field.Store.YES));
      w.addDocument(doc);
      w.commit();
    }
    Map<String, String> before = hashes(dir);
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertTrue(e.getMessage().contains("not a storyclusters index"), e.getMessage());
    assertEquals(before, hashes(dir));
  }

  @Test
  void aMissingFolderIsCreatedAndAnEmptyOneUsed() throws Exception {
    Path missing = tmp.resolve("a/b");
    try (StoryClusters sc = StoryClusters.builder().directory(missing).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    try (StoryClusters sc = StoryClusters.builder().directory(empty).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    try (StoryClusters sc = StoryClusters.builder().directory(missing).build()) {
      assertEquals(1, sc.size());
    }
  }

  /**
   * A creation killed during its first commit leaves {@code pending_segments_1} (and the lock):
   * the next open starts the index afresh instead of refusing the folder forever. (Found by
   * CrashSafetyTest's aimed kills.)
   */
  @Test
  void aCreationKilledInItsFirstCommitIsStartedAfresh() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("interrupted"));
    Files.write(dir.resolve("pending_segments_1"), new byte[] {0x3f, (byte) 0xd7, 0x6c});
    Files.createFile(dir.resolve("write.lock"));
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(1, sc.size());
    }
    // a later generation's leftover is not a creation: refused as before
    Path other = Files.createDirectories(tmp.resolve("later"));
    Files.write(other.resolve("pending_segments_7"), new byte[] {1});
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(other).build());
    assertTrue(e.getMessage().startsWith("corrupt index at"), e.getMessage());
  }

  @Test
  void aFailedOpenReleasesTheIndexForTheNextOne() throws Exception {
    Path dir = tmp.resolve("idx");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(Seeds.load().get("seed-000"));
    }
    assertThrows(SettingsMismatchException.class,
        () -> StoryClusters.builder().directory(dir).shingleSize(3).build());
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(1, sc.size());
    }
    // a failure while the segments are opened (the compound file cut short, then mended)
    Path cfs;
    try (Stream<Path> files = Files.list(dir)) {
      cfs = files.filter(f -> f.toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    byte[] good = Files.readAllBytes(cfs);
    Files.write(cfs, java.util.Arrays.copyOf(good, good.length / 2));
    assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    Files.write(cfs, good);
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(1, sc.size());
    }
  }

  /**
   * Damage the writer does not read on opening (stored fields of a non-compound segment, cut
   * short) fails the open after the write lock was taken: it is released all the same.
   */
  @Test
  void anOpenFailingAfterTheWriterOpenedReleasesTheLock() throws Exception {
    Path dir = tmp.resolve("separate");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(Seeds.load().get("seed-000"));
      sc.commit();
      sc.add(Seeds.load().get("seed-001"));
    }
    CorruptionMatrixTest.uncompound(dir); // two segments merged into one of separate files
    Path fdt;
    try (Stream<Path> files = Files.list(dir)) {
      fdt = files.filter(f -> f.toString().endsWith(".fdt")).findFirst().orElseThrow();
    }
    byte[] good = Files.readAllBytes(fdt);
    Files.write(fdt, java.util.Arrays.copyOf(good, good.length - 3));
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(dir).build());
    assertTrue(e.getMessage().startsWith("corrupt index at " + dir + ": "), e.getMessage());
    Files.write(fdt, good);
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(2, sc.size());
    }
  }

  @Test
  void aReadOnlyOpenTakesNoLockWritesNothingAndRefusesChanges() throws Exception {
    Path dir = tmp.resolve("ro");
    Path missing = tmp.resolve("missing");
    StoryClustersException e = assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(missing).readOnly(true).build());
    assertTrue(e.getMessage().startsWith("no storyclusters index at " + missing), e.getMessage());
    assertTrue(!Files.exists(missing));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThrows(StoryClustersException.class,
        () -> StoryClusters.builder().directory(empty).readOnly(true).build());
    assertEquals(Map.of(), hashes(empty));
    try (StoryClusters writer = StoryClusters.builder().directory(dir).build()) {
      writer.add(Seeds.load().get("seed-000"));
      writer.commit();
      Map<String, String> before = hashes(dir);
      try (StoryClusters ro = StoryClusters.builder().directory(dir).readOnly(true).build()) {
        assertEquals(1, ro.size());
        for (Executable change : List.<Executable>of(() -> ro.add(Seeds.load().get("seed-001")),
            () -> ro.remove("seed-000"), ro::commit)) {
          e = assertThrows(StoryClustersException.class, change);
          assertTrue(e.getMessage().contains("opened read-only"), e.getMessage());
        }
        assertTrue(ro.match(Seeds.load().get("seed-003")).isPresent());
      }
      assertEquals(before, hashes(dir), "a read-only open writes nothing");
      writer.add(Seeds.load().get("seed-001")); // the writer is unaffected
    }
  }
}
