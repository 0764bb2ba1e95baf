package com.storyclusters.index;

import com.storyclusters.StoryClustersException;
import java.io.IOException;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The checks an open makes of an index and the guard around every read of it. Opening a {@link
 * DirectoryReader} already verifies, for every segment, that its files exist, that each has a
 * valid codec header and footer (so a file cut short is found) and the full checksum of its small
 * files (segments_N, .si, .fnm, the .*m metadata, .cfe, .liv). {@link #verify} adds the full
 * checksum of what an open reads of every document anyway (the doc values) and of the id terms
 * that reads by id and deletes go through (postings, norms): after it, only the stored fields
 * (titles, texts, best matches; never read by a decision) are unverified until read. Stateless.
 */
final class Integrity {
  /** A read of index data. */
  interface Read<T> {
    T run() throws IOException;
  }

  private Integrity() {}

  /** Verifies the checksums of the doc values, postings and norms of every segment. */
  static void verify(DirectoryReader reader, String path) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = FilterLeafReader.unwrap(leaf.reader());
      if (!(r instanceof CodecReader codec)) {
        throw new CorruptIndexException("unexpected segment reader " + r, path);
      }
      read(path, () -> {
        DocValuesProducer docValues = codec.getDocValuesReader();
        if (docValues != null) {
          docValues.checkIntegrity();
        }
        FieldsProducer postings = codec.getPostingsReader();
        if (postings != null) {
          postings.checkIntegrity();
        }
        NormsProducer norms = codec.getNormsReader();
        if (norms != null) {
          norms.checkIntegrity();
        }
        return null;
      });
    }
  }

  /**
   * Runs a read of index data: an unexpected runtime failure of Lucene's decoding or of the
   * layout's (what damaged bytes cause when no checksum was verified) is thrown as a {@link
   * CorruptIndexException} naming {@code path}.
   */
  static <T> T read(String path, Read<T> read) throws IOException {
    try {
      return read.run();
    } catch (StoryClustersException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptIndexException("cannot decode it (" + e + ")", path, e);
    }
  }
}
