package com.storyclusters.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * What a committed index folder's bytes hold: each field of binary doc values (the bytes of its
 * values, which this codec keeps uncompressed), the rest of the doc values, the stored fields
 * (compressed: by kind only, not by field), the terms, the files beside Lucene's (the statistics
 * file) and the rest (segment and commit metadata). The parts sum to the folder's size. Fields are
 * found in the index, not named here (their names are the library's {@code IndexLayout}'s). A
 * diagnostic for {@link ScaleHarness} and {@code DiskBreakdown DIR} on a folder the command built.
 */
final class DiskBreakdown {
  private DiskBreakdown() {}

  /** Bytes by part, in a fixed order: binary doc-value fields by name, then the kinds. */
  static Map<String, Long> of(Path folder) throws IOException {
    Map<String, Long> byExtension = new TreeMap<>();
    long beside = 0;
    long folderBytes = 0;
    Map<String, Long> binary = new TreeMap<>();
    try (Directory d = FSDirectory.open(folder)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(d);
      java.util.Set<String> lucene = new java.util.HashSet<>(infos.files(true));
      for (String f : d.listAll()) {
        long length = d.fileLength(f);
        folderBytes += length;
        if (!lucene.contains(f)) {
          beside += f.equals("write.lock") ? 0 : length;
        }
      }
      for (SegmentCommitInfo sci : infos) {
        if (sci.info.getUseCompoundFile()) {
          try (Directory cfs = sci.info.getCodec().compoundFormat()
              .getCompoundReader(d, sci.info, IOContext.READONCE)) {
            for (String f : cfs.listAll()) {
              byExtension.merge(extension(f), cfs.fileLength(f), Long::sum);
            }
          }
        } else {
          for (String f : sci.files()) {
            byExtension.merge(extension(f), d.fileLength(f), Long::sum);
          }
        }
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        for (LeafReaderContext c : r.leaves()) {
          for (FieldInfo fi : c.reader().getFieldInfos()) {
            if (fi.getDocValuesType() != DocValuesType.BINARY) {
              continue;
            }
            BinaryDocValues values = c.reader().getBinaryDocValues(fi.name);
            long bytes = 0;
            while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
              bytes += values.binaryValue().length;
            }
            binary.merge(fi.name, bytes, Long::sum);
          }
        }
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    long binaryBytes = 0;
    for (Map.Entry<String, Long> e : binary.entrySet()) {
      out.put("binary doc values " + e.getKey(), e.getValue());
      binaryBytes += e.getValue();
    }
    long docValues = take(byExtension, "dvd", "dvm");
    out.put("other doc values", docValues - binaryBytes);
    out.put("stored fields", take(byExtension, "fdt", "fdx", "fdm"));
    out.put("terms", take(byExtension, "tim", "tip", "tmd", "doc", "pos", "psm"));
    out.put("beside the index", beside);
    long named = 0;
    for (long v : out.values()) {
      named += v;
    }
    out.put("the rest", folderBytes - named);
    return out;
  }

  private static long take(Map<String, Long> byExtension, String... extensions) {
    long sum = 0;
    for (String e : extensions) {
      Long v = byExtension.remove(e);
      sum += v == null ? 0 : v;
    }
    return sum;
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? "" : file.substring(dot + 1);
  }

  /** One line: each part in bytes an article. */
  static String line(Map<String, Long> parts, long articles) {
    StringBuilder line = new StringBuilder("  disk bytes an article:");
    for (Map.Entry<String, Long> e : parts.entrySet()) {
      line.append(String.format(java.util.Locale.ROOT, " %s %.0f;", e.getKey(),
          (double) e.getValue() / articles));
    }
    return line.substring(0, line.length() - 1);
  }

  /** {@code DiskBreakdown DIR}: the breakdown of a committed index folder, a line per part. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: DiskBreakdown INDEX_FOLDER");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    long docs;
    Map<String, Long> parts;
    try (Directory d = FSDirectory.open(folder); DirectoryReader r = DirectoryReader.open(d)) {
      docs = r.numDocs();
      parts = of(folder);
    } catch (IOException e) {
      System.err.println("DiskBreakdown: " + folder + " holds no index a reader opens ("
          + e.getClass().getSimpleName() + ")");
      System.exit(1);
      return;
    }
    long total = 0;
    for (Map.Entry<String, Long> e : parts.entrySet()) {
      System.out.printf(java.util.Locale.ROOT, "%-32s %14d B %10.1f B/article%n", e.getKey(),
          e.getValue(), (double) e.getValue() / Math.max(1, docs));
      total += e.getValue();
    }
    System.out.printf(java.util.Locale.ROOT, "%-32s %14d B %10.1f B/article (%d articles)%n",
        "all", total, (double) total / Math.max(1, docs), docs);
  }
}
