package com.storyclusters.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.storyclusters.Article;
import com.storyclusters.Seeds;
import com.storyclusters.StoryClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of format {@link IndexLayout#FORMAT_VERSION}, pinned: the seed pages indexed with
 * fixed settings are dumped field by field (commit user data, stored fields, terms, doc values as
 * bytes) and compared with a golden file. A change to a field, an encoding or the fingerprint
 * fails here and needs a new format version (and a new golden file:
 * {@code -Dstoryclusters.regenerateGolden=true} writes it under src/test/resources).
 */
class IndexLayoutGoldenTest {
  private static final String GOLDEN = "format-" + IndexLayout.FORMAT_VERSION + ".golden.txt";

  @TempDir Path tmp;

  @Test
  void theLayoutOfThisFormatIsPinned() throws Exception {
    Path dir = tmp.resolve("index");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).frequencyBits(10).build()) {
      int day = 1;
      for (Article a : Seeds.load().values()) {
        sc.add(Article.builder(a.id()).source(a.source()).title(a.title()).text(a.text())
            .published(Instant.parse("2025-06-0" + day++ + "T00:00:00Z")).build());
      }
    }
    String dump = dump(dir);
    Path golden = Path.of("src/test/resources/com/storyclusters/index", GOLDEN);
    if (Boolean.getBoolean("storyclusters.regenerateGolden")) {
      Files.writeString(golden, dump, StandardCharsets.UTF_8);
    }
    String expected = new String(IndexLayoutGoldenTest.class.getResourceAsStream(GOLDEN)
        .readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(expected, dump);
  }

  /** Every live document, by id: stored fields, terms and doc values; then the commit data. */
  private static String dump(Path dir) throws Exception {
    Map<String, String> docs = new TreeMap<>();
    StringBuilder out = new StringBuilder();
    try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
      new TreeMap<>(reader.getIndexCommit().getUserData()).forEach((k, v) -> out.append("commit ")
          .append(k).append('=').append(v).append('\n'));
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Map<Integer, List<String>> terms = new TreeMap<>();
        for (String field : new String[] {IndexLayout.ID}) {
          Terms t = r.terms(field);
          TermsEnum e = t.iterator();
          PostingsEnum p = null;
          for (BytesRef term = e.next(); term != null; term = e.next()) {
            p = e.postings(p, PostingsEnum.NONE);
            for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
              terms.computeIfAbsent(d, k -> new ArrayList<>()).add(field + ":"
                  + HexFormat.of().formatHex(term.bytes, term.offset, term.length));
            }
          }
        }
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          if (r.getLiveDocs() != null && !r.getLiveDocs().get(doc)) {
            continue;
          }
          StringBuilder d = new StringBuilder();
          Document stored = r.storedFields().document(doc);
          List<String> fields = new ArrayList<>();
          for (IndexableField f : stored.getFields()) {
            fields.add("stored " + f.name() + "=" + (f.numericValue() != null ? f.numericValue()
                : f.stringValue().replace("\n", "\\n")));
          }
          fields.sort(null);
          fields.forEach(f -> d.append(f).append('\n'));
          terms.getOrDefault(doc, List.of()).forEach(t -> d.append("term ").append(t)
              .append('\n'));
          for (String field : new String[] {IndexLayout.LEAD, IndexLayout.SET,
              IndexLayout.SKETCH, IndexLayout.LINES}) {
            BinaryDocValues v = r.getBinaryDocValues(field);
            if (v != null && v.advanceExact(doc)) {
              BytesRef b = v.binaryValue();
              d.append("binary ").append(field).append('=')
                  .append(HexFormat.of().formatHex(b.bytes, b.offset, b.length)).append('\n');
            }
          }
          for (String field : new String[] {IndexLayout.POSITION, IndexLayout.PUBLISHED,
              IndexLayout.TEXT_HASH, IndexLayout.STORY_LINES}) {
            NumericDocValues v = r.getNumericDocValues(field);
            if (v != null && v.advanceExact(doc)) {
              d.append("numeric ").append(field).append('=').append(v.longValue()).append('\n');
            }
          }
          for (String field : new String[] {IndexLayout.ID, IndexLayout.SOURCE,
              IndexLayout.CLUSTER}) {
            org.apache.lucene.index.SortedDocValues v = r.getSortedDocValues(field);
            if (v != null && v.advanceExact(doc)) {
              d.append("sorted ").append(field).append('=')
                  .append(v.lookupOrd(v.ordValue()).utf8ToString()).append('\n');
            }
          }
          docs.put(stored.get(IndexLayout.ID), d.toString());
        }
      }
    }
    docs.forEach((id, d) -> out.append("doc ").append(id).append('\n').append(d));
    return out.toString();
  }
}
