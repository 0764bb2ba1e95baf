package com.storyclusters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index behind a {@link StoryClusters}: one document per article.
 *
 * <p>Layout, format version {@link IndexSettings#FORMAT_VERSION}:
 * <pre>
 * field   kind                           content
 * id      StringField, stored, sorted doc values  article id (updates and deletes go by this term)
 * cid     stored                         story cluster id
 * src     stored                         source
 * title   stored                         title
 * pub     LongPoint + stored             published, epoch milliseconds (absent when unknown)
 * text    stored                         fingerprinted text (normalized, with the title line,
 *                                        boilerplate and what precedes the headline removed)
 * th      stored long                    hash of the normalized text and title (re-add detection)
 * bm, sc, bp  stored                     best match, its scores, removed boilerplate lines
 * lsh     terms, docs only               LSH band keys, 8 bytes big-endian
 * sh      terms, docs only               the anchor sample of the distinct evidence shingles
 *                                        ({@link Fingerprint#sampled}), 4 bytes big-endian
 * line    terms, docs only               source-scoped line keys, 8 bytes (boilerplate statistics)
 * seq     binary doc values              vint count of evidence shingles, then the lead ones
 *                                        ({@link Fingerprint#leadLength}) in text order, each as
 *                                        the vint rank of its value in {@code set} (format 2: 4
 *                                        bytes each; format 1: all of them, no count)
 * set     binary doc values              distinct evidence shingles, sorted: vint count, vlong
 *                                        deltas from Integer.MIN_VALUE
 * sig     binary doc values              MinHash signature, high 32 bits of each value, 4 bytes
 *                                        each (format 1: 8 bytes, all bits)
 * n       numeric doc values             distinct shingle count
 * </pre>
 * The {@link IndexSettings} are in the commit user data (format 4 added {@code title}, whether
 * titles are fingerprinted). Not thread-safe for writes: the facade
 * serialises them.
 */
final class LuceneStore implements AutoCloseable {
  static final FieldType TERMS = new FieldType();

  static {
    TERMS.setIndexOptions(IndexOptions.DOCS);
    TERMS.setOmitNorms(true);
    TERMS.setTokenized(false);
    TERMS.setStored(false);
    TERMS.freeze();
  }

  private final Directory directory;
  private final String path;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /**
   * Adds and deletes run in order on one background thread, so that Lucene's indexing overlaps
   * the caller's candidate search and verification (the caller's recent buffer covers what the
   * searcher does not see yet). {@link #refresh}, {@link #commit} and {@link #close} wait for it.
   */
  private final java.util.concurrent.ExecutorService indexer =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "storyclusters-indexer");
        t.setDaemon(true);
        return t;
      });
  /** Bounds the documents waiting for the indexer (and the memory they hold). */
  private static final int MAX_PENDING = 256;
  private final java.util.concurrent.Semaphore pending =
      new java.util.concurrent.Semaphore(MAX_PENDING);
  /** The first failure of the background indexer; reported by every later call that writes. */
  private volatile IOException indexingFailure;

  interface IndexAction {
    void run() throws IOException;
  }

  LuceneStore(Directory directory, String path, IndexSettings settings) {
    this.directory = directory;
    this.path = path;
    try {
      if (DirectoryReader.indexExists(directory)) {
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        settings.check(data, path);
      }
      IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      // stored fields (the fingerprinted text, for explanations) are read only on open and by
      // explain: trade their read speed for size
      config.setCodec(new org.apache.lucene.codecs.lucene912.Lucene912Codec(
          org.apache.lucene.codecs.lucene912.Lucene912Codec.Mode.BEST_COMPRESSION));
      // every add seeks its candidate terms in every segment: fewer, larger segments
      org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
      merges.setSegmentsPerTier(4);
      config.setMergePolicy(merges);
      config.setCommitOnClose(false);
      this.writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(settings.toUserData().entrySet());
      if (!DirectoryReader.indexExists(directory)) {
        writer.commit();
      }
      this.searchers = new SearcherManager(writer, true, false, null);
    } catch (org.apache.lucene.index.CorruptIndexException
        | org.apache.lucene.index.IndexFormatTooOldException
        | org.apache.lucene.index.IndexFormatTooNewException e) {
      throw new StoryClustersException("index at " + path + " is corrupted or unreadable: "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new StoryClustersException("cannot open index at " + path + ": " + e.getMessage(), e);
    }
  }

  String path() {
    return path;
  }

  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  static BytesRef intTerm(int v) {
    byte[] b = new byte[4];
    b[0] = (byte) (v >>> 24);
    b[1] = (byte) (v >>> 16);
    b[2] = (byte) (v >>> 8);
    b[3] = (byte) v;
    return new BytesRef(b);
  }

  static BytesRef longTerm(long v) {
    return new BytesRef(ByteBuffer.allocate(8).putLong(v).array());
  }

  /**
   * The documents sharing the most band keys and anchor shingles with a fingerprint (one hit per
   * shared key or shingle), most hits first, then smallest article id; at most {@code max}.
   *
   * <p>Hand-rolled rather than a BooleanQuery of TermQuery clauses: that opens one terms enum per
   * clause per segment, which dominated the cost of an add; here each segment opens one enum per
   * field and seeks the sorted terms in turn. Ties are broken by article id, not doc id: merges
   * reorder doc ids, and the choice must not depend on segment history (the crash-recovery
   * guarantee needs it).
   */
  List<Candidate> candidates(IndexSearcher searcher, long[] bandKeys, int[] anchors, int max)
      throws IOException {
    if (bandKeys.length + anchors.length == 0) {
      return List.of();
    }
    // terms in index order, so each enum moves forward through its blocks
    BytesRef[] keys = new BytesRef[bandKeys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = longTerm(bandKeys[i]);
    }
    java.util.Arrays.sort(keys);
    BytesRef[] shingles = new BytesRef[anchors.length];
    for (int i = 0; i < shingles.length; i++) {
      shingles[i] = intTerm(anchors[i]);
    }
    java.util.Arrays.sort(shingles);
    IndexReader reader = searcher.getIndexReader();
    java.util.HashMap<Integer, int[]> hits = new java.util.HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      collect(leaf, "lsh", keys, hits);
      collect(leaf, "sh", shingles, hits);
    }
    if (hits.isEmpty()) {
      return List.of();
    }
    List<int[]> ranked = new ArrayList<>(hits.size());
    hits.forEach((doc, n) -> ranked.add(new int[] {doc, n[0]}));
    ranked.sort((x, y) -> Integer.compare(y[1], x[1]));
    // everything tied with the last place competes by id; only the winners are loaded
    int cut = Math.min(max, ranked.size());
    int boundary = ranked.get(cut - 1)[1];
    int firstTied = cut - 1;
    while (firstTied > 0 && ranked.get(firstTied - 1)[1] == boundary) {
      firstTied--;
    }
    int lastTied = cut;
    while (lastTied < ranked.size() && ranked.get(lastTied)[1] == boundary) {
      lastTied++;
    }
    List<int[]> chosen = new ArrayList<>(ranked.subList(0, firstTied));
    if (lastTied > cut) {
      List<Object[]> tied = new ArrayList<>(lastTied - firstTied);
      for (int i = firstTied; i < lastTied; i++) {
        tied.add(new Object[] {id(reader, ranked.get(i)[0]), ranked.get(i)});
      }
      tied.sort((x, y) -> ((String) x[0]).compareTo((String) y[0]));
      for (int i = 0; i < cut - firstTied; i++) {
        chosen.add((int[]) tied.get(i)[1]);
      }
    } else {
      chosen.addAll(ranked.subList(firstTied, cut));
    }
    List<Candidate> out = new ArrayList<>(chosen.size());
    StoredFields stored = reader.storedFields();
    for (int[] c : chosen) {
      Candidate loaded = load(reader, stored, c[0]);
      out.add(new Candidate(loaded.id(), loaded.lead(), loaded.length(), loaded.set(),
          loaded.sketch(), c[1]));
    }
    out.sort(java.util.Comparator.comparingInt((Candidate c) -> -c.hits())
        .thenComparing(Candidate::id));
    return out;
  }

  private String id(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    org.apache.lucene.index.SortedDocValues ids = leaf.reader().getSortedDocValues("id");
    if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
      throw new org.apache.lucene.index.CorruptIndexException("document without id", path);
    }
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }

  /** Adds one hit per term to every live document of the segment holding it. */
  private static void collect(LeafReaderContext leaf, String field, BytesRef[] terms,
      java.util.HashMap<Integer, int[]> hits) throws IOException {
    org.apache.lucene.index.Terms indexed = leaf.reader().terms(field);
    if (indexed == null || terms.length == 0) {
      return;
    }
    Bits live = leaf.reader().getLiveDocs();
    org.apache.lucene.index.TermsEnum e = indexed.iterator();
    org.apache.lucene.index.PostingsEnum postings = null;
    for (BytesRef t : terms) {
      if (!e.seekExact(t)) {
        continue;
      }
      postings = e.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          hits.computeIfAbsent(leaf.docBase + d, k -> new int[1])[0]++;
        }
      }
    }
  }

  /** Loads the fingerprint part of a document. */
  Candidate load(IndexReader reader, StoredFields stored, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    // the id from doc values: stored fields would decompress a block holding article texts
    org.apache.lucene.index.SortedDocValues ids = leaf.reader().getSortedDocValues("id");
    if (ids == null || !ids.advanceExact(local)) {
      throw new org.apache.lucene.index.CorruptIndexException("document without id", path);
    }
    String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
    BinaryDocValues seq = leaf.reader().getBinaryDocValues("seq");
    if (seq == null || !seq.advanceExact(local)) {
      throw new org.apache.lucene.index.CorruptIndexException("document without seq", path);
    }
    org.apache.lucene.store.ByteArrayDataInput in = new org.apache.lucene.store.ByteArrayDataInput(
        seq.binaryValue().bytes, seq.binaryValue().offset, seq.binaryValue().length);
    int length = in.readVInt();
    int[] set = readSortedInts(leaf.reader().getBinaryDocValues("set"), local);
    int[] lead = new int[Fingerprint.leadLength(length)];
    for (int i = 0; i < lead.length; i++) {
      int rank = in.readVInt();
      if (rank < 0 || rank >= set.length) {
        throw new org.apache.lucene.index.CorruptIndexException(
            "lead shingle " + rank + " outside a set of " + set.length, path);
      }
      lead[i] = set[rank];
    }
    byte[] sig = readBytes(leaf.reader().getBinaryDocValues("sig"), local);
    int[] sketch = new int[sig.length / 4];
    ByteBuffer.wrap(sig).asIntBuffer().get(sketch);
    return new Candidate(id, lead, length, set, sketch, 0);
  }

  /** Loads a document by article id, or null. */
  Candidate load(IndexSearcher searcher, String id) throws IOException {
    int doc = docOf(searcher, id);
    IndexReader reader = searcher.getIndexReader();
    return doc < 0 ? null : load(reader, reader.storedFields(), doc);
  }

  /** The live document of an article id, or -1. */
  private static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term("id", id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /** The stored fingerprinted text of an article, or null. */
  String text(IndexSearcher searcher, String id) throws IOException {
    int doc = docOf(searcher, id);
    return doc < 0 ? null : searcher.getIndexReader().storedFields().document(doc).get("text");
  }

  private static byte[] readBytes(BinaryDocValues values, int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return new byte[0];
    }
    BytesRef b = values.binaryValue();
    byte[] out = new byte[b.length];
    System.arraycopy(b.bytes, b.offset, out, 0, b.length);
    return out;
  }

  /** Reads a sorted int set written by {@link #sortedIntsBytes}: count, then unsigned deltas. */
  private static int[] readSortedInts(BinaryDocValues values, int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return new int[0];
    }
    BytesRef b = values.binaryValue();
    org.apache.lucene.store.ByteArrayDataInput in =
        new org.apache.lucene.store.ByteArrayDataInput(b.bytes, b.offset, b.length);
    int n = in.readVInt();
    int[] out = new int[n];
    long previous = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      previous += in.readVLong();
      out[i] = (int) previous;
    }
    return out;
  }

  /** A sorted int set as a vint count and vlong deltas from Integer.MIN_VALUE upwards. */
  static byte[] sortedIntsBytes(int[] sorted) {
    byte[] buf = new byte[5 + sorted.length * 9];
    org.apache.lucene.store.ByteArrayDataOutput out =
        new org.apache.lucene.store.ByteArrayDataOutput(buf);
    try {
      out.writeVInt(sorted.length);
      long previous = Integer.MIN_VALUE;
      for (int v : sorted) {
        out.writeVLong(v - previous);
        previous = v;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return java.util.Arrays.copyOf(buf, out.getPosition());
  }

  /**
   * A candidate: one indexed article's fingerprint and its hits, the number of band keys and
   * anchor shingles it shares with the query.
   */
  record Candidate(String id, int[] lead, int length, int[] set, int[] sketch, int hits) {}

  void add(Fingerprint fp, ClusterState.Member m, String bestMatch, MatchScores scores)
      throws IOException {
    Article a = fp.prepared.article;
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new SortedDocValuesField("id", new BytesRef(a.id())));
    d.add(new StoredField("cid", m.clusterId()));
    d.add(new StoredField("src", a.source()));
    d.add(new StoredField("title", a.title()));
    if (a.published().isPresent()) {
      long t = a.published().get().toEpochMilli();
      d.add(new LongPoint("pub", t));
      d.add(new StoredField("pub", t));
    }
    d.add(new StoredField("text", fp.keptText));
    d.add(new StoredField("th", fp.prepared.textHash));
    if (bestMatch != null) {
      d.add(new StoredField("bm", bestMatch));
      d.add(new StoredField("sc", encode(scores)));
    }
    if (!fp.removed.isEmpty()) {
      d.add(new StoredField("bp", String.join("\n", fp.removed)));
    }
    for (long key : fp.bandKeys) {
      d.add(new Field("lsh", longTerm(key), TERMS));
    }
    for (int s : fp.set) {
      if (Fingerprint.sampled(s)) {
        d.add(new Field("sh", intTerm(s), TERMS));
      }
    }
    if (!a.source().isEmpty()) {
      long[] keys = fp.prepared.lineKey.clone();
      java.util.Arrays.sort(keys);
      for (int i = 0; i < keys.length; i++) {
        if (i == 0 || keys[i] != keys[i - 1]) {
          d.add(new Field("line", longTerm(keys[i]), TERMS));
        }
      }
    }
    byte[] seq = new byte[5 + 5 * fp.lead.length];
    org.apache.lucene.store.ByteArrayDataOutput seqOut =
        new org.apache.lucene.store.ByteArrayDataOutput(seq);
    seqOut.writeVInt(fp.length);
    for (int h : fp.lead) { // each lead shingle by its rank in the sorted set: 1-2 bytes, not 4
      seqOut.writeVInt(java.util.Arrays.binarySearch(fp.set, h));
    }
    d.add(new BinaryDocValuesField("seq", new BytesRef(seq, 0, seqOut.getPosition())));
    d.add(new BinaryDocValuesField("set", new BytesRef(sortedIntsBytes(fp.set))));
    ByteBuffer sig = ByteBuffer.allocate(4 * fp.sketch.length);
    sig.asIntBuffer().put(fp.sketch);
    d.add(new BinaryDocValuesField("sig", new BytesRef(sig.array())));
    d.add(new NumericDocValuesField("n", fp.set.length));
    // the facade deletes an earlier version itself (remove, then add): a plain add spares a
    // delete-by-term per document, which Lucene applies against every segment
    submit(() -> writer.addDocument(d));
  }

  void delete(String id) throws IOException {
    submit(() -> writer.deleteDocuments(new Term("id", id)));
  }

  /** Queues an index change behind the earlier ones; throws an earlier change's failure. */
  void submit(IndexAction action) throws IOException {
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
    } catch (java.util.concurrent.RejectedExecutionException e) {
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

  private static final String FREQUENCIES_PREFIX = "storyclusters-frequencies-";

  /** Commits and stores the frequency table of that commit beside it (on-disk indexes only). */
  void commit(ShingleFrequencies frequencies) throws IOException {
    commit();
    if (directory instanceof org.apache.lucene.store.ByteBuffersDirectory) {
      return; // an in-memory index is never reopened
    }
    long generation = SegmentInfos.getLastCommitGeneration(directory);
    String name = FREQUENCIES_PREFIX + generation;
    String[] existing = directory.listAll();
    if (!java.util.Arrays.asList(existing).contains(name)) {
      String temp = name + ".tmp";
      if (java.util.Arrays.asList(existing).contains(temp)) {
        directory.deleteFile(temp);
      }
      try (org.apache.lucene.store.IndexOutput out =
          directory.createOutput(temp, org.apache.lucene.store.IOContext.DEFAULT)) {
        frequencies.writeTo(out);
      }
      directory.sync(java.util.List.of(temp));
      directory.rename(temp, name);
      directory.syncMetaData();
    }
    for (String file : existing) { // tables of older commits
      if (file.startsWith(FREQUENCIES_PREFIX) && !file.equals(name)) {
        directory.deleteFile(file);
      }
    }
  }

  /**
   * The frequency table stored with the latest commit, or null when there is none or it cannot be
   * used (missing, damaged, other bits): the caller then rebuilds it from the index.
   */
  ShingleFrequencies storedFrequencies(int bits) {
    try {
      long generation = SegmentInfos.getLastCommitGeneration(directory);
      String name = FREQUENCIES_PREFIX + generation;
      if (!java.util.Arrays.asList(directory.listAll()).contains(name)) {
        return null;
      }
      try (org.apache.lucene.store.ChecksumIndexInput in =
          directory.openChecksumInput(name, org.apache.lucene.store.IOContext.READONCE)) {
        return ShingleFrequencies.readFrom(in, bits);
      }
    } catch (IOException | RuntimeException e) {
      return null; // rebuilt from the index, which is the source of truth
    }
  }

  /**
   * The frequency table of the live documents, built from their {@code set} doc values (the
   * shingle terms hold only the anchor sample): what {@link #storedFrequencies} returns when the
   * stored table is missing or damaged.
   */
  static ShingleFrequencies rebuildFrequencies(IndexReader reader, int bits) throws IOException {
    ShingleFrequencies f = new ShingleFrequencies(bits);
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues sets = leaf.reader().getBinaryDocValues("set");
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          f.add(readSortedInts(sets, doc), 1);
        }
      }
    }
    return f;
  }

  void refresh() throws IOException {
    drain();
    searchers.maybeRefreshBlocking();
  }

  void commit() throws IOException {
    drain();
    writer.commit();
  }

  /** Every live article's assignment, for rebuilding the cluster state on open. */
  List<ClusterState.Member> loadMembers(com.google.common.collect.Interner<String> sources)
      throws IOException {
    List<ClusterState.Member> out = new ArrayList<>();
    java.util.Map<String, String> clusterIds = new java.util.HashMap<>();
    IndexSearcher s = acquire();
    try {
      java.util.Set<String> fields = java.util.Set.of("id", "src", "cid", "pub", "th");
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = stored.document(doc, fields);
          Number pub = d.getField("pub") == null ? null : d.getField("pub").numericValue();
          String cid = d.get("cid");
          out.add(new ClusterState.Member(d.get("id"), sources.intern(d.get("src")),
              clusterIds.computeIfAbsent(cid, c -> c),
              pub == null ? Long.MAX_VALUE : pub.longValue(),
              d.getField("th").numericValue().longValue()));
        }
      }
    } finally {
      release(s);
    }
    return out;
  }

  /** The assignment recorded when an indexed article was added (for an unchanged re-add). */
  Assignment recorded(IndexSearcher searcher, String id, String clusterId) throws IOException {
    int doc = docOf(searcher, id);
    if (doc < 0) {
      throw new org.apache.lucene.index.CorruptIndexException("article " + id + " is missing",
          path);
    }
    Document d = searcher.getIndexReader().storedFields().document(doc,
        java.util.Set.of("bm", "sc", "bp"));
    String bp = d.get("bp");
    return new Assignment(id, clusterId, false, true, java.util.Optional.ofNullable(d.get("bm")),
        java.util.Optional.ofNullable(d.get("sc") == null ? null : decode(d.get("sc"))),
        bp == null ? List.of() : List.of(bp.split("\n")));
  }

  static String encode(MatchScores s) {
    return s.score() + "," + s.containmentOfNew() + "," + s.containmentOfMatch() + ","
        + s.jaccard() + "," + s.minHashJaccard() + "," + s.leadOfNew() + "," + s.leadOfMatch()
        + "," + s.leadShareOfNew() + "," + s.leadShareOfMatch() + "," + s.linked();
  }

  static MatchScores decode(String s) {
    String[] p = s.split(",");
    return new MatchScores(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
        Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]),
        Integer.parseInt(p[5]), Integer.parseInt(p[6]), Double.parseDouble(p[7]),
        Double.parseDouble(p[8]), Boolean.parseBoolean(p[9]));
  }

  @Override
  public void close() throws IOException {
    try {
      stopIndexer();
      searchers.close();
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

  /** Applies what is queued, then stops the indexer thread; throws a background failure. */
  private void stopIndexer() throws IOException {
    try {
      drain();
    } finally {
      indexer.shutdown();
    }
  }

  /** Closes without committing (for a failed open or a rollback). */
  void rollback() throws IOException {
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
