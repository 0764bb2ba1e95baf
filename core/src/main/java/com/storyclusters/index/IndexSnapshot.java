package com.storyclusters.index;

import com.storyclusters.Assignment;
import com.storyclusters.cluster.Candidate;
import com.storyclusters.cluster.CandidateSource;
import com.storyclusters.cluster.Evidence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A point-in-time view of the index (a searcher of a {@link LuceneStore}) as a {@link
 * CandidateSource}, and the reads by article id that the facade needs. Safe for concurrent
 * readers; release it with {@link #close}.
 */
public final class IndexSnapshot implements CandidateSource, AutoCloseable {
  /** What an article adds to the statistics: its shingle set and distinct line keys. */
  public record Counted(int[] set, long[] lineKeys) {}

  private final SearcherManager searchers;
  private final IndexSearcher searcher;
  private final String path;

  IndexSnapshot(SearcherManager searchers, IndexSearcher searcher, String path) {
    this.searchers = searchers;
    this.searcher = searcher;
    this.path = path;
  }

  /**
   * Hand-rolled rather than a BooleanQuery of TermQuery clauses: each segment opens one terms
   * enum per field and seeks the sorted terms in turn. Ties at the cut are broken by article id,
   * never doc id: merges reorder doc ids.
   */
  @Override
  public List<Candidate> candidates(long[] bandKeys, int[] anchors, int max) throws IOException {
    if (bandKeys.length + anchors.length == 0 || max == 0) {
      return List.of();
    }
    // terms in index order, so each enum moves forward through its blocks
    BytesRef[] keys = IndexLayout.sortedLongTerms(bandKeys);
    BytesRef[] shingles = IndexLayout.sortedIntTerms(anchors);
    IndexReader reader = searcher.getIndexReader();
    Hits hits = HITS.get().reset(reader.maxDoc());
    for (LeafReaderContext leaf : reader.leaves()) {
      collect(leaf, IndexLayout.BANDS, keys, hits);
      collect(leaf, IndexLayout.SHINGLES, shingles, hits);
    }
    if (hits.touchedCount == 0) {
      return List.of();
    }
    long[] ranked = new long[hits.touchedCount]; // -hits << 32 | doc: most hits first, then doc
    for (int i = 0; i < ranked.length; i++) {
      int doc = hits.touched[i];
      ranked[i] = ((long) -hits.count[doc] << 32) | doc;
    }
    hits.clear();
    Arrays.sort(ranked);
    int cut = Math.min(max, ranked.length);
    int boundary = (int) (ranked[cut - 1] >> 32);
    int firstTied = cut - 1;
    while (firstTied > 0 && (int) (ranked[firstTied - 1] >> 32) == boundary) {
      firstTied--;
    }
    int lastTied = cut;
    while (lastTied < ranked.length && (int) (ranked[lastTied] >> 32) == boundary) {
      lastTied++;
    }
    long[] chosen = new long[cut]; // as ranked: -hits << 32 | doc
    int n = 0;
    for (int i = 0; i < firstTied; i++) {
      chosen[n++] = ranked[i];
    }
    if (lastTied > cut) { // everything tied with the last place competes by id
      for (int doc : smallestIds(reader, ranked, firstTied, lastTied, cut - firstTied)) {
        chosen[n++] = ((long) boundary << 32) | doc; // boundary is -hits, as ranked
      }
    } else {
      for (int i = firstTied; i < cut; i++) {
        chosen[n++] = ranked[i];
      }
    }
    Arrays.sort(chosen, 0, n);
    long[] byDoc = new long[n]; // doc << 32 | hits: forward through each segment's doc values
    for (int i = 0; i < n; i++) {
      byDoc[i] = ((chosen[i] & 0xFFFFFFFFL) << 32) | -(int) (chosen[i] >> 32);
    }
    Arrays.sort(byDoc);
    List<Candidate> out = new ArrayList<>(n);
    List<LeafReaderContext> leaves = reader.leaves();
    IndexLayout.LeafFields[] fields = new IndexLayout.LeafFields[leaves.size()];
    for (long entry : byDoc) {
      int doc = (int) (entry >>> 32);
      int leaf = ReaderUtil.subIndex(doc, leaves);
      if (fields[leaf] == null) {
        fields[leaf] = new IndexLayout.LeafFields(leaves.get(leaf).reader(), path);
      }
      out.add(new Candidate(fields[leaf].evidence(doc - leaves.get(leaf).docBase), (int) entry));
    }
    out.sort(Candidate.ORDER);
    return out;
  }

  /**
   * The {@code k} docs of {@code ranked[from, to)} with the smallest article ids (in {@link
   * Candidate#compareIds} order, which is each segment's term order): per segment the k
   * smallest ordinals, then their ids compared across segments.
   */
  private List<Integer> smallestIds(IndexReader reader, long[] ranked, int from, int to, int k)
      throws IOException {
    int[] docs = new int[to - from];
    for (int i = from; i < to; i++) {
      docs[i - from] = (int) ranked[i];
    }
    Arrays.sort(docs);
    List<Map.Entry<String, Integer>> best = new ArrayList<>();
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < docs.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int end = i;
      while (end < docs.length && docs[end] < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      IndexLayout.LeafFields f = new IndexLayout.LeafFields(leaf.reader(), path);
      long[] byOrd = new long[end - i]; // ord << 32 | doc
      for (int j = i; j < end; j++) {
        byOrd[j - i] = ((long) f.ord(docs[j] - leaf.docBase) << 32) | docs[j];
      }
      Arrays.sort(byOrd);
      for (int j = 0; j < Math.min(k, byOrd.length); j++) {
        int doc = (int) byOrd[j];
        best.add(Map.entry(f.idOfOrd((int) (byOrd[j] >>> 32)), doc));
      }
      i = end;
    }
    best.sort((x, y) -> Candidate.compareIds(x.getKey(), y.getKey()));
    List<Integer> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      out.add(best.get(i).getValue());
    }
    return out;
  }

  private IndexLayout.LeafFields fields(IndexReader reader, int doc) {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    return new IndexLayout.LeafFields(leaf.reader(), path);
  }

  private int docBase(IndexReader reader, int doc) {
    return reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves())).docBase;
  }

  @Override
  public Evidence evidence(String id) throws IOException {
    int doc = docOf(id);
    IndexReader reader = searcher.getIndexReader();
    return doc < 0 ? null : fields(reader, doc).evidence(doc - docBase(reader, doc));
  }

  /** The shingle set and line keys of a live article, or null: what its delete takes away. */
  public Counted counted(String id) throws IOException {
    int doc = docOf(id);
    if (doc < 0) {
      return null;
    }
    IndexReader reader = searcher.getIndexReader();
    IndexLayout.LeafFields f = fields(reader, doc);
    int local = doc - docBase(reader, doc);
    return new Counted(f.set(local), f.lineKeys(local));
  }

  /** The live document of an article id, or -1. */
  private int docOf(String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(IndexLayout.idTerm(id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /** The stored fingerprinted text of an article; null if unknown or text is not stored. */
  public String text(String id) throws IOException {
    int doc = docOf(id);
    return doc < 0 ? null
        : searcher.getIndexReader().storedFields().document(doc).get(IndexLayout.TEXT);
  }

  /** The assignment recorded when an indexed article was added (for an unchanged re-add). */
  public Assignment recorded(String id, String clusterId) throws IOException {
    int doc = docOf(id);
    if (doc < 0) {
      throw new CorruptIndexException("article " + id + " is missing", path);
    }
    Document d = searcher.getIndexReader().storedFields().document(doc, java.util.Set.of(
        IndexLayout.BEST_MATCH, IndexLayout.SCORES, IndexLayout.BOILERPLATE));
    String bp = d.get(IndexLayout.BOILERPLATE);
    String sc = d.get(IndexLayout.SCORES);
    return new Assignment(id, clusterId, false, true,
        Optional.ofNullable(d.get(IndexLayout.BEST_MATCH)),
        Optional.ofNullable(sc == null ? null : IndexLayout.decode(sc)),
        bp == null ? List.of() : List.of(bp.split("\n")));
  }

  /** The reader behind this snapshot (for tests in this package). */
  IndexReader reader() {
    return searcher.getIndexReader();
  }

  @Override
  public void close() throws IOException {
    searchers.release(searcher);
  }

  /** Per-thread hit counts of one look-up, dense by doc id, and the docs hit. */
  private static final class Hits {
    int[] count = new int[0];
    int[] touched = new int[256];
    int touchedCount;

    Hits reset(int maxDoc) {
      if (count.length < maxDoc) {
        count = new int[Math.max(maxDoc, count.length * 3 / 2)];
      }
      touchedCount = 0;
      return this;
    }

    void hit(int doc) {
      if (count[doc]++ == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = doc;
      }
    }

    /** Zeroes the counts touched (the array is reused by the thread's next look-up). */
    void clear() {
      for (int i = 0; i < touchedCount; i++) {
        count[touched[i]] = 0;
      }
    }
  }

  private static final ThreadLocal<Hits> HITS = ThreadLocal.withInitial(Hits::new);

  /** Adds one hit per term to every live document of the segment holding it. */
  private static void collect(LeafReaderContext leaf, String field, BytesRef[] terms,
      Hits hits) throws IOException {
    Terms indexed = leaf.reader().terms(field);
    if (indexed == null || terms.length == 0) {
      return;
    }
    Bits live = leaf.reader().getLiveDocs();
    TermsEnum e = indexed.iterator();
    PostingsEnum postings = null;
    for (BytesRef t : terms) {
      if (!e.seekExact(t)) {
        continue;
      }
      postings = e.postings(postings, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          hits.hit(leaf.docBase + d);
        }
      }
    }
  }
}
