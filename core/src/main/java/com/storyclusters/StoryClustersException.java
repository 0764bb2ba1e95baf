package com.storyclusters;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * Thrown when the index cannot be read or written: an I/O failure, a folder that is not a
 * storyclusters index, an index opened read-only asked to change, use after {@link
 * StoryClusters#close()}, or a damaged index. A damaged index (a checksum, format or structure
 * error, a file cut short or missing; the cause is Lucene's {@code CorruptIndexException} or the
 * like) always gives a message starting {@code "corrupt index at PATH: "}, PATH the index folder,
 * followed by what was found, naming the damaged file when Lucene does. Nothing already committed
 * is lost when it is thrown.
 */
public class StoryClustersException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoryClustersException(String message) {
    super(message);
  }

  public StoryClustersException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Wraps a failure met on the index at {@code path}: {@code "corrupt index at PATH: ..."} when it
   * (or a cause of it) is a sign of damage ({@link #isCorruption}), else {@code "index at PATH:
   * ..."}. (Used by the library's own packages.)
   */
  public static StoryClustersException of(String path, IOException e) {
    Throwable damage = corruption(e);
    return damage != null ? corrupt(path, damage)
        : new StoryClustersException("index at " + path + ": " + e.getMessage(), e);
  }

  /**
   * {@code "corrupt index at PATH: "} and what {@code damage} says: its innermost sign of damage,
   * the most precise (Lucene wraps the error naming the file in more general ones). (Used by the
   * library.)
   */
  public static StoryClustersException corrupt(String path, Throwable damage) {
    Throwable precise = damage;
    for (Throwable t = corruption(damage); t != null; t = corruption(t.getCause())) {
      precise = t;
    }
    String what = precise instanceof NoSuchFileException ? "missing file " + precise.getMessage()
        : precise.getMessage();
    return new StoryClustersException("corrupt index at " + path + ": " + what, damage);
  }

  /**
   * Whether {@code e} or one of its causes is a sign of a damaged index: Lucene's checksum and
   * format errors, a read past the end of a file, a file of the index missing.
   */
  public static boolean isCorruption(Throwable e) {
    return corruption(e) != null;
  }

  private static Throwable corruption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CorruptIndexException || t instanceof IndexFormatTooOldException
          || t instanceof IndexFormatTooNewException || t instanceof EOFException
          || t instanceof NoSuchFileException) {
        return t;
      }
    }
    return null;
  }
}
