package com.storyclusters.index;

import com.storyclusters.StoryClustersException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;

/**
 * What a folder holds before an index is opened in it, found by listing it (nothing is opened or
 * written): missing, empty, or holding a Lucene commit ({@code segments_N}). A creation
 * interrupted before its first commit completed counts as empty: it leaves at most a {@code
 * write.lock} and {@code pending_segments_1}, the first commit's unfinished file, which holds no
 * article (a new index is committed empty before anything is added to it). Anything else
 * is refused, so that Lucene never deletes a file it takes for its own ({@code _*.*}): a folder
 * with what only an index holds ({@code segments*}, a segment's {@code _*.si}, a {@code
 * write.lock} beside other files, a statistics file) but no commit is a damaged index (its
 * segments file lost); any other non-empty folder is not an index. Stateless.
 */
final class IndexFolder {
  /** What {@link #inspect} found. */
  enum Kind {
    MISSING, EMPTY, COMMITTED
  }

  /** What a creation killed before its first (empty) commit completed can leave. */
  private static final java.util.Set<String> INTERRUPTED_CREATION = java.util.Set.of(
      IndexWriter.WRITE_LOCK_NAME, IndexFileNames.PENDING_SEGMENTS + "_1");

  private IndexFolder() {}

  /**
   * What {@code folder} holds.
   *
   * @throws StoryClustersException if it is neither missing, empty nor a committed index
   */
  static Kind inspect(Path folder) {
    if (!Files.exists(folder)) {
      return Kind.MISSING;
    }
    if (!Files.isDirectory(folder)) {
      throw new StoryClustersException(folder + " is not a folder: refusing to use it");
    }
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new StoryClustersException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    if (INTERRUPTED_CREATION.containsAll(names)) {
      return Kind.EMPTY;
    }
    if (SegmentInfos.getLastCommitGeneration(names.toArray(new String[0])) >= 0) {
      return Kind.COMMITTED;
    }
    String example = names.get(0);
    String count = names.size() == 1 ? "1 file" : names.size() + " files";
    if (names.stream().anyMatch(IndexFolder::looksLikeIndexFile)) {
      throw new StoryClustersException("corrupt index at " + folder + ": no commit (no readable "
          + "segments_N file) but index files (" + count + ", e.g. " + example
          + "): refusing to create an index over it");
    }
    throw new StoryClustersException(folder + " is not a storyclusters index and not empty: "
        + "refusing to use it (it holds " + count + ", e.g. " + example + ")");
  }

  private static boolean looksLikeIndexFile(String name) {
    return name.startsWith(IndexFileNames.SEGMENTS)
        || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
        || name.equals(IndexWriter.WRITE_LOCK_NAME)
        || name.startsWith(StatisticsFile.PREFIX)
        || (name.endsWith(".si") && IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches());
  }
}
