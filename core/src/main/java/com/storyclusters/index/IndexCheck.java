package com.storyclusters.index;

import com.storyclusters.CheckReport;
import com.storyclusters.StoryClustersException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.Bits;

/**
 * The full, read-only check of an index folder behind {@code StoryClusters.check}: Lucene's
 * {@link CheckIndex} (every checksum, every structure; never its fixing {@code -exorcise}) and
 * the layout's own checks: the format version, the recorded settings and position, the statistics
 * file's checksum, and that every live document has the fields {@link IndexLayout} requires. It
 * takes no lock and writes nothing (run against a folder another process writes, it may report
 * files that process just deleted). Stateless.
 */
public final class IndexCheck {
  private IndexCheck() {}

  /** Checks {@code folder}; a problem stops the checks that depend on what it concerns. */
  public static CheckReport run(Path folder) {
    List<String> problems = new ArrayList<>();
    String path = folder.toString();
    IndexFolder.Kind kind;
    try {
      kind = IndexFolder.inspect(folder);
    } catch (StoryClustersException e) {
      return new CheckReport(folder, List.of(e.getMessage()), 0, 0);
    }
    if (kind != IndexFolder.Kind.COMMITTED) {
      return new CheckReport(folder, List.of("no storyclusters index at " + path
          + " (the folder is " + (kind == IndexFolder.Kind.MISSING ? "missing" : "empty") + ")"),
          0, 0);
    }
    int segments = 0;
    int articles = 0;
    try (Directory dir = FSDirectory.open(folder, NoLockFactory.INSTANCE)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      segments = infos.size();
      boolean layoutSound = layout(infos.getUserData(), path, problems);
      String stats = infos.getUserData().get(IndexLayout.STATS_KEY);
      if (stats != null) {
        try {
          StatisticsFile.verify(dir, stats);
        } catch (IOException e) {
          problems.add(StoryClustersException.of(path, e).getMessage()
              + " (the statistics file, a cache: rebuilt by the next open)");
        }
      }
      boolean luceneSound = lucene(dir, path, problems);
      if (layoutSound && luceneSound) {
        articles = documents(dir, path, problems);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(e instanceof IOException io ? StoryClustersException.of(path, io).getMessage()
          : StoryClustersException.corrupt(path, e).getMessage());
    }
    return new CheckReport(folder, problems, segments, articles);
  }

  /** The commit data: a storyclusters index of this format with its settings and position. */
  private static boolean layout(Map<String, String> data, String path, List<String> problems) {
    String format = data.get(IndexLayout.FORMAT_KEY);
    if (format == null) {
      problems.add(path + " is not a storyclusters index: its commit has no "
          + IndexLayout.FORMAT_KEY);
      return false;
    }
    if (!IndexLayout.READABLE_VERSIONS.contains(format)) {
      problems.add("index at " + path + " has format " + format + "; this version reads formats "
          + new java.util.TreeSet<>(IndexLayout.READABLE_VERSIONS) + " only: build a new index");
      return false;
    }
    List<String> missing = new ArrayList<>(IndexSettings.recordedKeys());
    missing.add(IndexLayout.POSITION_KEY);
    missing.removeAll(data.keySet());
    if (!missing.isEmpty()) {
      problems.add("corrupt index at " + path + ": its commit does not record " + missing);
      return false;
    }
    try {
      Long.parseLong(data.get(IndexLayout.POSITION_KEY));
      Long.parseLong(data.getOrDefault(IndexLayout.STATS_AT_KEY, "0"));
    } catch (NumberFormatException e) {
      problems.add("corrupt index at " + path + ": commit data: " + e.getMessage());
      return false;
    }
    return true;
  }

  /** Lucene's CheckIndex, one problem per damaged segment, naming the first error found. */
  private static boolean lucene(Directory dir, String path, List<String> problems)
      throws IOException {
    CheckIndex.Status status;
    try (CheckIndex check = new CheckIndex(dir,
        NoLockFactory.INSTANCE.obtainLock(dir, IndexWriter.WRITE_LOCK_NAME))) {
      check.setThreadCount(1);
      status = check.checkIndex();
    }
    if (status.clean) {
      return true;
    }
    int before = problems.size();
    for (CheckIndex.Status.SegmentInfoStatus segment : status.segmentInfos) {
      Throwable error = firstError(segment);
      if (error != null) {
        problems.add(StoryClustersException.corrupt(path, error).getMessage()
            + " (segment " + segment.name + ")");
      }
    }
    if (problems.size() == before) {
      problems.add("corrupt index at " + path + ": Lucene's CheckIndex failed"
          + (status.missingSegments ? ": the segments file cannot be read" : "")
          + (status.toolOutOfDate ? ": written by a newer Lucene" : ""));
    }
    return false;
  }

  /** The most precise error of a segment: a failed part's, else the segment's own. */
  private static Throwable firstError(CheckIndex.Status.SegmentInfoStatus s) {
    Throwable[] parts = {
        s.liveDocStatus == null ? null : s.liveDocStatus.error,
        s.fieldInfoStatus == null ? null : s.fieldInfoStatus.error,
        s.fieldNormStatus == null ? null : s.fieldNormStatus.error,
        s.termIndexStatus == null ? null : s.termIndexStatus.error,
        s.storedFieldStatus == null ? null : s.storedFieldStatus.error,
        s.termVectorStatus == null ? null : s.termVectorStatus.error,
        s.docValuesStatus == null ? null : s.docValuesStatus.error,
        s.pointsStatus == null ? null : s.pointsStatus.error,
        s.vectorValuesStatus == null ? null : s.vectorValuesStatus.error};
    for (Throwable t : parts) {
      if (t != null) {
        return t;
      }
    }
    return s.error;
  }

  /** Reads every live document's required fields as an open does; returns their count. */
  private static int documents(Directory dir, String path, List<String> problems)
      throws IOException {
    int count = 0;
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      Map<String, String> clusterIds = new HashMap<>();
      com.google.common.collect.Interner<String> sources =
          com.google.common.collect.Interners.newStrongInterner();
      for (LeafReaderContext leaf : reader.leaves()) {
        IndexLayout.LeafFields fields = new IndexLayout.LeafFields(leaf.reader(), path);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          int d = doc;
          try {
            Integrity.read(path, () -> {
              fields.member(d, sources, clusterIds);
              fields.position(d);
              fields.evidence(d);
              return fields.lineKeys(d);
            });
            count++;
          } catch (CorruptIndexException e) {
            problems.add(StoryClustersException.corrupt(path, e).getMessage()
                + " (document " + d + " of segment " + leaf.ord + ")");
            return count;
          }
        }
      }
    }
    return count;
  }
}
