package com.storyclusters.index;

import com.storyclusters.Assignment;
import com.storyclusters.cluster.ClusterState;
import com.storyclusters.cluster.Evidence;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * A point-in-time view of the index (a searcher of a {@link LuceneStore}): the reads by article
 * id that the facade needs (evidence, stored text, the recorded assignment, what a delete takes
 * from the statistics). Safe for concurrent readers; release it with {@link #close}.
 */
public final class IndexSnapshot implements AutoCloseable {
  /**
   * What an article adds to the statistics: its shingle set, its distinct line keys (both kinds)
   * and those in its source.
   */
  public record Counted(int[] set, long[] lineKeys, long[] storyLineKeys) {}

  private final SearcherManager searchers;
  private final IndexSearcher searcher;
  private final String path;

  IndexSnapshot(SearcherManager searchers, IndexSearcher searcher, String path) {
    this.searchers = searchers;
    this.searcher = searcher;
    this.path = path;
  }

  private IndexLayout.LeafFields fields(IndexReader reader, int doc) {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    return new IndexLayout.LeafFields(leaf.reader(), path);
  }

  private int docBase(IndexReader reader, int doc) {
    return reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves())).docBase;
  }

  /** Receives every live article on open. */
  public interface ArticleVisitor {
    /**
     * @param evidence what scoring reads of the article
     * @param lineKeys the distinct line keys its statistics count (both kinds)
     * @param storyLineKeys its distinct line keys in its source of the lines whose story count
     *     the boilerplate rule reads (of every line for a document of format 8 or before)
     */
    void article(ClusterState.Member member, long position, Evidence evidence, long[] lineKeys,
        long[] storyLineKeys);
  }

  /**
   * Visits every live article, for rebuilding the cluster state, the candidate index and the
   * statistics on open.
   */
  public void visit(com.google.common.collect.Interner<String> sources, ArticleVisitor visitor)
      throws IOException {
    java.util.Map<String, String> clusterIds = new java.util.HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      IndexLayout.LeafFields fields = new IndexLayout.LeafFields(leaf.reader(), path);
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        int d = doc;
        Integrity.read(path, () -> {
          IndexLayout.LineKeySets lines = fields.lines(d);
          ClusterState.Member member = fields.member(d, sources, clusterIds);
          visitor.article(member, fields.position(d), fields.evidence(d, member.id()),
              lines.counted(), lines.stories());
          return null;
        });
      }
    }
  }


  /** The evidence of a live article, or null. */
  public Evidence evidence(String id) throws IOException {
    return Integrity.read(path, () -> {
      int doc = docOf(id);
      IndexReader reader = searcher.getIndexReader();
      return doc < 0 ? null : fields(reader, doc).evidence(doc - docBase(reader, doc));
    });
  }

  /** The shingle set and line keys of a live article, or null: what its delete takes away. */
  public Counted counted(String id) throws IOException {
    return Integrity.read(path, () -> {
      int doc = docOf(id);
      if (doc < 0) {
        return null;
      }
      IndexReader reader = searcher.getIndexReader();
      IndexLayout.LeafFields f = fields(reader, doc);
      int local = doc - docBase(reader, doc);
      IndexLayout.LineKeySets lines = f.lines(local);
      return new Counted(f.set(local), lines.counted(), lines.stories());
    });
  }

  /**
   * The live document of an article id, or -1; its id doc value must be that id (a damaged
   * term dictionary or postings list never leads to another article's data).
   */
  private int docOf(String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(IndexLayout.idTerm(id)), 1);
    if (top.scoreDocs.length == 0) {
      return -1;
    }
    int doc = top.scoreDocs[0].doc;
    IndexReader reader = searcher.getIndexReader();
    String found = fields(reader, doc).id(doc - docBase(reader, doc));
    if (!found.equals(id)) {
      throw new CorruptIndexException("the id term of " + id + " leads to " + found, path);
    }
    return doc;
  }

  /**
   * The stored fields of a live article (with its id, checked: damaged stored fields never give
   * another article's), or null.
   */
  private Document stored(String id, Set<String> fields) throws IOException {
    int doc = docOf(id);
    if (doc < 0) {
      return null;
    }
    Set<String> withId = new HashSet<>(fields);
    withId.add(IndexLayout.ID);
    Document d = searcher.getIndexReader().storedFields().document(doc, withId);
    if (!id.equals(d.get(IndexLayout.ID))) {
      throw new CorruptIndexException("the stored fields of " + id + " name "
          + d.get(IndexLayout.ID), path);
    }
    return d;
  }

  /** The stored fingerprinted text of an article; null if unknown or text is not stored. */
  public String text(String id) throws IOException {
    return Integrity.read(path, () -> {
      Document d = stored(id, Set.of(IndexLayout.TEXT));
      return d == null ? null : d.get(IndexLayout.TEXT);
    });
  }

  /** The assignment recorded when an indexed article was added (for an unchanged re-add). */
  public Assignment recorded(String id, String clusterId) throws IOException {
    return Integrity.read(path, () -> {
      Document d = stored(id, Set.of(IndexLayout.BEST_MATCH, IndexLayout.SCORES,
          IndexLayout.BOILERPLATE));
      if (d == null) {
        throw new CorruptIndexException("article " + id + " is missing", path);
      }
      String bp = d.get(IndexLayout.BOILERPLATE);
      String sc = d.get(IndexLayout.SCORES);
      return new Assignment(id, clusterId, false, true,
          Optional.ofNullable(d.get(IndexLayout.BEST_MATCH)),
          Optional.ofNullable(sc == null ? null : IndexLayout.decode(sc)),
          bp == null ? List.of() : List.of(bp.split("\n")));
    });
  }

  /** The reader behind this snapshot (for tests in this package). */
  IndexReader reader() {
    return searcher.getIndexReader();
  }

  @Override
  public void close() throws IOException {
    searchers.release(searcher);
  }
}
