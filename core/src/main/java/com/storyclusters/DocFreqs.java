package com.storyclusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Document frequencies of 8-byte terms of one field, with one reused {@link TermsEnum} per
 * segment and one reused term buffer ({@code IndexReader.docFreq(Term)} opens a new enum per call).
 * Not thread-safe; one per add.
 */
final class DocFreqs {
  private final TermsEnum[] enums;
  private final byte[] bytes;
  private final BytesRef term;

  DocFreqs(IndexReader reader, String field) {
    try {
      enums = new TermsEnum[reader.leaves().size()];
      int i = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        enums[i++] = terms == null ? null : terms.iterator();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes = new byte[8];
    term = new BytesRef(bytes);
  }

  int of(long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return lookup();
  }

  private int lookup() {
    int df = 0;
    try {
      for (TermsEnum e : enums) {
        if (e != null && e.seekExact(term)) {
          df += e.docFreq();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return df;
  }
}
