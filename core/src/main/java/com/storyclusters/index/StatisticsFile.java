package com.storyclusters.index;

import com.storyclusters.cluster.ShingleFrequencies;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * The statistics file saved beside a commit: the frozen shingle frequency table ({@link
 * ShingleFrequencies#writeTo}: a codec header, the bits, both rows, a checksum footer), named
 * {@code storyclusters-stats-<generation>-<version>} and referenced by the commit's user data. It is
 * written only when the table changed since the last commit; it is a cache (the index can rebuild
 * it), so a missing or damaged one is rebuilt, never trusted (and reported by {@link IndexCheck}).
 * Stateless.
 */
final class StatisticsFile {
  static final String PREFIX = "storyclusters-stats-";

  private StatisticsFile() {}

  /** Writes the table durably (temporary file, sync, rename) and returns its name. */
  static String write(Directory directory, String suffix, ShingleFrequencies frequencies)
      throws IOException {
    String name = PREFIX + suffix;
    String temp = name + ".tmp";
    if (Arrays.asList(directory.listAll()).contains(temp)) {
      directory.deleteFile(temp);
    }
    try (IndexOutput out = directory.createOutput(temp, IOContext.DEFAULT)) {
      frequencies.writeTo(out);
    }
    directory.sync(List.of(temp));
    directory.rename(temp, name);
    directory.syncMetaData();
    return name;
  }

  /** The table in {@code name}, or null when it is missing, damaged or of other bits. */
  static ShingleFrequencies read(Directory directory, String name, int bits) {
    try (ChecksumIndexInput in = directory.openChecksumInput(name, IOContext.READONCE)) {
      return ShingleFrequencies.readFrom(in, bits);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Verifies the file {@code name}: its header and the checksum of all its bytes.
   *
   * @throws java.io.IOException naming the file if it is missing or damaged
   */
  static void verify(Directory directory, String name) throws IOException {
    try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
      CodecUtil.checkHeader(in, ShingleFrequencies.CODEC, 0, Integer.MAX_VALUE);
      CodecUtil.checksumEntireFile(in);
    }
  }

  /** Deletes the statistics files of older commits and unfinished ones, all but {@code keep}. */
  static void deleteAllBut(Directory directory, String keep) throws IOException {
    for (String file : directory.listAll()) {
      if (file.startsWith(PREFIX) && !file.equals(keep)) {
        directory.deleteFile(file);
      }
    }
  }
}
