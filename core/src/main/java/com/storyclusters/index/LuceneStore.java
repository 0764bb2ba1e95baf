package com.storyclusters.index;

import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
import com.storyclusters.StoryClustersException;
import com.storyclusters.cluster.Candidate;
import com.storyclusters.cluster.CandidateSource;
import com.storyclusters.cluster.ClusterState;
import com.storyclusters.cluster.Evidence;
import com.storyclusters.cluster.ShingleFrequencies;
import com.storyclusters.fingerprint.Fingerprint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index behind a {@code StoryClusters}: one document per article in the layout of
 * {@link IndexLayout}. Adds and deletes are applied in order on one background thread, so that
 * Lucene's indexing overlaps the caller's work; {@link #refresh}, {@link #commit} and {@link
 * #close} wait for them, and a failure there is thrown by the next call that writes. Searches go
 * through {@link Snapshot}s, safe for concurrent readers. Writes are not thread-safe: the facade
 * serialises them.
 */
public final class LuceneStore implements AutoCloseable {
  /** Bounds the documents waiting for the indexer (and the memory they hold). */
  private static final int MAX_PENDING = 256;

  private final Directory directory;
  private final String path;
  private IndexSettings settings;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "storyclusters-indexer");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore pending = new Semaphore(MAX_PENDING);
  /** The first failure of the background indexer; reported by every later call that writes. */
  private volatile IOException indexingFailure;
  private final long committedPosition;
  /** The statistics file of the last commit (null: none) and the position its table counts to. */
  private String statsFile;
  private long statsAt;

  /** An index change run by the background indexer. */
  public interface IndexAction {
    void run() throws IOException;
  }

  /**
   * Opens (or creates) the index in {@code directory}.
   *
   * @throws StoryClustersException if it cannot be opened, is corrupted, or has other settings
   */
  public LuceneStore(Directory directory, String path, IndexSettings settings) {
    this.directory = directory;
    this.path = path;
    this.settings = settings;
    try {
      Map<String, String> data = Map.of();
      if (DirectoryReader.indexExists(directory)) {
        data = SegmentInfos.readLatestCommit(directory).getUserData();
        settings.check(data, path);
        this.settings = settings.withStoredText(data);
      }
      committedPosition = Long.parseLong(data.getOrDefault(IndexLayout.POSITION_KEY, "0"));
      statsFile = data.get(IndexLayout.STATS_KEY);
      statsAt = Long.parseLong(data.getOrDefault(IndexLayout.STATS_AT_KEY, "0"));
      IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      // stored text costs more to compress than all else to index: BEST_COMPRESSION halved the
      // indexing rate for 40% less disk (issue 11's measurements)
      config.setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED));
      // every search seeks its terms in every segment: fewer, larger segments
      TieredMergePolicy merges = new TieredMergePolicy();
      merges.setSegmentsPerTier(4);
      config.setMergePolicy(merges);
      config.setCommitOnClose(false);
      this.writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(userData(committedPosition).entrySet());
      if (!DirectoryReader.indexExists(directory)) {
        writer.commit();
      }
      this.searchers = new SearcherManager(writer, true, false, null);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      throw new StoryClustersException("index at " + path + " is corrupted or unreadable: "
          + e.getMessage(), e);
    } catch (IOException | NumberFormatException e) {
      throw new StoryClustersException("cannot open index at " + path + ": " + e.getMessage(), e);
    }
  }

  public String path() {
    return path;
  }

  /** Whether the index stores texts (an existing index keeps the choice it was created with). */
  public boolean storesText() {
    return settings.storeText();
  }

  /** Adds so far as of the last commit (0 for a new index). */
  public long committedPosition() {
    return committedPosition;
  }

  private Map<String, String> userData(long position) {
    Map<String, String> m = new java.util.LinkedHashMap<>(settings.toUserData());
    m.put(IndexLayout.POSITION_KEY, Long.toString(position));
    if (statsFile != null) {
      m.put(IndexLayout.STATS_KEY, statsFile);
      m.put(IndexLayout.STATS_AT_KEY, Long.toString(statsAt));
    }
    return m;
  }

  /** A point-in-time view of the committed and refreshed documents; release it with close. */
  public Snapshot snapshot() throws IOException {
    return new Snapshot(searchers.acquire());
  }

  /** What an article adds to the statistics: its shingle set and distinct line keys. */
  public record Counted(int[] set, long[] lineKeys) {}

  /** A searcher snapshot as a candidate source; safe for concurrent readers. */
  public final class Snapshot implements CandidateSource, AutoCloseable {
    private final IndexSearcher searcher;

    private Snapshot(IndexSearcher searcher) {
      this.searcher = searcher;
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
      // terms in index (unsigned big-endian) order, so each enum moves forward through its blocks
      long[] sortedKeys = bandKeys.clone();
      for (int i = 0; i < sortedKeys.length; i++) {
        sortedKeys[i] ^= Long.MIN_VALUE;
      }
      Arrays.sort(sortedKeys);
      BytesRef[] keys = new BytesRef[sortedKeys.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = IndexLayout.longTerm(sortedKeys[i] ^ Long.MIN_VALUE);
      }
      int[] sortedAnchors = anchors.clone();
      for (int i = 0; i < sortedAnchors.length; i++) {
        sortedAnchors[i] ^= Integer.MIN_VALUE;
      }
      Arrays.sort(sortedAnchors);
      BytesRef[] shingles = new BytesRef[sortedAnchors.length];
      for (int i = 0; i < shingles.length; i++) {
        shingles[i] = IndexLayout.intTerm(sortedAnchors[i] ^ Integer.MIN_VALUE);
      }
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

  /** Queues an article's document (the facade deletes an earlier version itself first). */
  public void add(Fingerprint fp, ClusterState.Member m, String bestMatch, MatchScores scores,
      long position) throws IOException {
    Document d = IndexLayout.document(fp, m, bestMatch, scores, position, settings.storeText());
    submit(() -> writer.addDocument(d));
  }

  public void delete(String id) throws IOException {
    submit(() -> writer.deleteDocuments(IndexLayout.idTerm(id)));
  }

  /** Queues an index change behind the earlier ones; throws an earlier change's failure. */
  public void submit(IndexAction action) throws IOException {
    checkIndexer();
    pending.acquireUninterruptibly();
    try {
      indexer.execute(() -> {
        try {
          if (indexingFailure == null) {
            action.run();
          }
        } catch (IOException e) {
          indexingFailure = e;
        } catch (RuntimeException | Error e) {
          indexingFailure = new IOException("indexing failed: " + e, e);
        } finally {
          pending.release();
        }
      });
    } catch (RejectedExecutionException e) {
      pending.release();
      throw new IOException("the index writer is closed", e);
    }
  }

  /** Waits until every queued change is applied to the writer. */
  private void drain() throws IOException {
    pending.acquireUninterruptibly(MAX_PENDING);
    pending.release(MAX_PENDING);
    checkIndexer();
  }

  private void checkIndexer() throws IOException {
    IOException failure = indexingFailure;
    if (failure != null) {
      throw new IOException("an earlier add or delete failed in the background: "
          + failure.getMessage(), failure);
    }
  }

  /** Makes every queued change visible to new snapshots. */
  public void refresh() throws IOException {
    drain();
    searchers.maybeRefreshBlocking();
  }

  /** Commits without statistics (tests of the indexer). */
  public void commit() throws IOException {
    drain();
    writer.commit();
  }

  /**
   * Commits every queued change with the position reached, and saves the frozen frequency table
   * (counting the adds before {@code frozenAt}) beside it when {@code mustSave} (a delete changed
   * it), when there is none yet, or when the one saved lags by more than a quarter of the index
   * plus 8,192 adds (what an open replays). On-disk indexes only: an in-memory one is never
   * reopened. So a long run writes the 2^(bits+2)-byte table a few times, not at every commit.
   */
  public void commit(long position, ShingleFrequencies frequencies, long frozenAt,
      boolean mustSave) throws IOException {
    drain();
    boolean lagging = frozenAt - statsAt > statsAt / 4 + 8192;
    if ((mustSave || statsFile == null || lagging)
        && !(directory instanceof ByteBuffersDirectory)) {
      statsFile = StatisticsFile.write(directory,
          SegmentInfos.getLastCommitGeneration(directory) + "-" + frozenAt, frequencies);
      statsAt = frozenAt;
    }
    writer.setLiveCommitData(userData(position).entrySet());
    writer.commit();
    StatisticsFile.deleteAllBut(directory, statsFile);
  }

  /** The position the saved frequency table counts to (see {@link #storedFrequencies}). */
  public long storedFrequenciesAt() {
    return statsAt;
  }

  /**
   * The frequency table saved with the last commit, counting the adds before {@link
   * #storedFrequenciesAt}; null when there is none or it cannot be used (missing, damaged, other
   * bits): the caller rebuilds it from the index.
   */
  public ShingleFrequencies storedFrequencies(int bits) {
    return statsFile == null ? null : StatisticsFile.read(directory, statsFile, bits);
  }

  /** Receives every live article on open. */
  public interface ArticleVisitor {
    /**
     * @param set the article's shingle set, or null when not asked for
     * @param lineKeys its distinct line keys
     */
    void article(ClusterState.Member member, long position, int[] set, long[] lineKeys);
  }

  /**
   * Visits every live article, for rebuilding the cluster state and statistics on open; sets are
   * read for articles at or after {@code setsFrom} (a position).
   */
  public void visit(com.google.common.collect.Interner<String> sources, long setsFrom,
      ArticleVisitor visitor) throws IOException {
    Map<String, String> clusterIds = new HashMap<>();
    IndexSearcher s = searchers.acquire();
    try {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        IndexLayout.LeafFields fields = new IndexLayout.LeafFields(leaf.reader(), path);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          ClusterState.Member m = IndexLayout.member(
              stored.document(doc, IndexLayout.MEMBER_FIELDS), sources, clusterIds);
          long position = fields.position(doc);
          visitor.article(m, position, position >= setsFrom ? fields.set(doc) : null,
              fields.lineKeys(doc));
        }
      }
    } finally {
      searchers.release(s);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      try {
        drain();
      } finally {
        indexer.shutdown();
        searchers.close();
      }
    } finally {
      try {
        if (writer.isOpen()) {
          writer.commit();
        }
      } finally {
        try {
          writer.close();
        } finally {
          directory.close();
        }
      }
    }
  }

  /** Closes without committing (for a failed open). */
  public void rollback() throws IOException {
    try {
      indexer.shutdown();
      pending.acquireUninterruptibly(MAX_PENDING); // let queued changes finish before rolling back
      searchers.close();
    } finally {
      try {
        writer.rollback();
      } finally {
        directory.close();
      }
    }
  }
}
