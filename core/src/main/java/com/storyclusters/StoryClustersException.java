package com.storyclusters;

/**
 * Thrown when the index cannot be read or written: an I/O failure, a corrupted or truncated
 * index (the cause is Lucene's {@code CorruptIndexException} and the message names the path), or
 * use after {@link StoryClusters#close()}. Nothing already committed is lost when it is thrown.
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
   * Wraps an I/O failure; says "is corrupted" when Lucene found a checksum or format error. (Used
   * by the library's own packages.)
   */
  public static StoryClustersException of(String where, java.io.IOException e) {
    boolean corrupt = e instanceof org.apache.lucene.index.CorruptIndexException
        || e instanceof org.apache.lucene.index.IndexFormatTooOldException
        || e instanceof org.apache.lucene.index.IndexFormatTooNewException;
    return new StoryClustersException(where + (corrupt ? " is corrupted: " : ": ")
        + e.getMessage(), e);
  }
}
