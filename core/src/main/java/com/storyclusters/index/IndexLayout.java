package com.storyclusters.index;

import com.storyclusters.MatchScores;
import com.storyclusters.cluster.ClusterState;
import com.storyclusters.cluster.Evidence;
import com.storyclusters.fingerprint.Fingerprint;
import com.storyclusters.fingerprint.LineKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The one owner of the index layout, format version {@link #FORMAT_VERSION}: field names, term and
 * doc-value encodings, and what a document holds. Nothing outside this class names a field.
 * Stateless and thread-safe.
 *
 * <pre>
 * field   kind                           content
 * id      StringField, stored, sorted doc values  article id (updates and deletes go by this term)
 * cid     sorted doc values              story cluster id
 * src     sorted doc values              source
 * title   stored                         title
 * pub     numeric doc values             published, epoch milliseconds (absent when unknown)
 * text    stored (only with storeText)   fingerprinted text (normalized, with the title line,
 *                                        boilerplate and what precedes the headline removed)
 * th      numeric doc values             hash of the normalized text and title (re-add detection)
 * bm, sc  stored                         best match and its scores
 * bp      stored (only with storeText)   removed boilerplate lines
 * pos     numeric doc values             input position: adds before this one (statistics epochs)
 * lines   binary doc values              the lines' keys in every source ({@link LineKeys}),
 *                                        distinct, 8 bytes each: first the {@code sl} keys of lines
 *                                        whose story count the boilerplate rule reads, ascending,
 *                                        then the others, ascending (the line statistics count
 *                                        them all and, derived with the source, their keys in it;
 *                                        the story counts the first {@code sl}'s keys in it)
 * sl      numeric doc values             how many {@code lines} keys come first as story-counted
 *                                        ({@code Prepared#storedLineKeys}); with {@code lines} only
 * lr      binary doc values              vint count of evidence shingles, then the lead ones
 *                                        ({@link Fingerprint#leadLength}) in text order as ranks
 *                                        of their values in {@code ef} ({@link IntCodecs#ranks})
 * ef      binary doc values              distinct evidence shingles, sorted, Elias-Fano coded
 *                                        ({@link IntCodecs#sortedSet})
 * sk      binary doc values              MinHash signature, lowest 8 bits of each value, 1 byte
 * </pre>
 * Candidates are looked up in memory ({@code cluster.CandidateIndex}), rebuilt on open from
 * {@code ef} and {@code lr}: the index holds no term but the id.
 * Commit user data: the {@link IndexSettings}, {@code storyclusters.position} (adds so far),
 * {@code storyclusters.stats} (the statistics file, if any) and {@code storyclusters.statsAt} (the
 * position its frequency table counts to; adds from there on are replayed from {@code ef}). Format 9
 * adds {@code sl}, and orders {@code lines} by it: the story counts ({@code
 * boilerplate.LineStories}) keep only the lines the rule reads them for, not short ones; a
 * document of format 8 or 7, without {@code sl}, has every line story-counted, as before (the
 * story counts of short lines are never read). Format 8
 * drops format 7's {@code lsh} field (LSH band keys, 8 bytes each) and its {@code bands} and
 * {@code rows} settings (candidates are found by anchors alone), keeps a byte of each MinHash
 * value in {@code sk}, not 4 in {@code sig}, and codes the set and the lead's ranks in {@code ef}
 * and {@code lr} (format 7: {@code set}, a vlong delta a value; {@code seq}, a vint a rank). A
 * format-7 index is read as it is ({@link #READABLE_VERSIONS}): a document without {@code ef} is
 * read from {@code set} and {@code seq}, its band keys and 4-byte sketch are ignored (its
 * evidence has an empty sketch, and its pairs report the exact Jaccard of the sets as the MinHash
 * estimate), and the next commit records format 8. Format 7 keeps the lines' keys in every source (format 6: their keys in the article's source, so no count
 * of a line over all sources could be rebuilt). Format 6 keeps the band keys as doc values, not terms, and no anchor-sample terms; what an open reads of
 * every article (cluster, source, published, text hash) is doc values, so no stored block (with
 * its text) is decompressed. Format 5 added
 * {@code pos}, {@code lines} (format 4 had line keys as {@code line} terms, counted with deleted
 * documents) and {@code storeText}; format 4 added {@code title}; format 3 the half sample and the
 * lead as ranks.
 */
public final class IndexLayout {
  /** Version of the stored layout. */
  public static final int FORMAT_VERSION = 9;

  /**
   * The format versions this version reads: its own; format 8, whose documents have no {@code sl}
   * (every line story-counted); and format 7, whose documents also keep their set and lead in
   * {@code set} and {@code seq} (read for them) and carry {@code lsh} and {@code sig} fields no one
   * reads (merges carry them along until their documents go).
   */
  static final java.util.Set<String> READABLE_VERSIONS = java.util.Set.of("7", "8", "9");

  static final String ID = "id";
  static final String CLUSTER = "cid";
  static final String SOURCE = "src";
  static final String TITLE = "title";
  static final String PUBLISHED = "pub";
  static final String TEXT = "text";
  static final String TEXT_HASH = "th";
  static final String BEST_MATCH = "bm";
  static final String SCORES = "sc";
  static final String BOILERPLATE = "bp";
  static final String POSITION = "pos";
  static final String LINES = "lines";
  static final String STORY_LINES = "sl";
  static final String LEAD = "lr";
  static final String SET = "ef";
  /** Format 7's lead and set fields (read for its documents). */
  static final String LEAD_7 = "seq";
  static final String SET_7 = "set";
  static final String SKETCH = "sk";

  static final String FORMAT_KEY = "storyclusters.formatVersion";
  static final String POSITION_KEY = "storyclusters.position";
  static final String STATS_KEY = "storyclusters.stats";
  static final String STATS_AT_KEY = "storyclusters.statsAt";
  /** The caller's checkpoint of the commit (what its input had reached), when it gave one. */
  static final String CHECKPOINT_KEY = "storyclusters.checkpoint";
  /**
   * With a retention window: the horizon evicted so far and the latest published time seen, in
   * epoch milliseconds, as two decimal longs separated by a space ({@link #retention(long[])}).
   */
  static final String RETENTION_KEY = "storyclusters.retention";

  /** The value of {@link #RETENTION_KEY} for {@code {evictedBefore, latestPublished}}. */
  static String retention(long[] state) {
    return state[0] + " " + state[1];
  }

  /** What {@link #retention(long[])} wrote, or null if {@code value} is null or not two longs. */
  static long[] retention(String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split(" ");
    try {
      return parts.length == 2
          ? new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private IndexLayout() {}

  static Term idTerm(String id) {
    return new Term(ID, id);
  }

  /**
   * The document of an article but for what its assignment decides ({@link #decided}): everything
   * here depends on the article and its input position only, so it is built in parallel.
   */
  static Document document(Fingerprint fp, long position, boolean storeText) {
    com.storyclusters.Article a = fp.prepared.article;
    Document d = new Document();
    d.add(new StringField(ID, a.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
    d.add(new SortedDocValuesField(SOURCE, new BytesRef(a.source())));
    d.add(new StoredField(TITLE, a.title()));
    if (a.published().isPresent()) {
      d.add(new NumericDocValuesField(PUBLISHED, a.published().get().toEpochMilli()));
    }
    if (storeText) {
      d.add(new StoredField(TEXT, fp.keptText));
      if (!fp.removed.isEmpty()) {
        d.add(new StoredField(BOILERPLATE, String.join("\n", fp.removed)));
      }
    }
    d.add(new NumericDocValuesField(TEXT_HASH, fp.prepared.textHash));
    d.add(new NumericDocValuesField(POSITION, position));
    long[] keys = fp.prepared.storedLineKeys;
    if (keys.length > 0) {
      d.add(new BinaryDocValuesField(LINES, new BytesRef(longsBytes(keys))));
      d.add(new NumericDocValuesField(STORY_LINES, fp.prepared.storyLines));
    }
    d.add(new BinaryDocValuesField(LEAD, new BytesRef(leadBytes(fp))));
    d.add(new BinaryDocValuesField(SET, new BytesRef(IntCodecs.sortedSet(fp.set))));
    d.add(new BinaryDocValuesField(SKETCH, new BytesRef(fp.sketch)));
    return d;
  }

  /** Completes a {@link #document} with the assignment: the cluster, the best match, its scores. */
  static Document decided(Document d, String clusterId, String bestMatch, MatchScores scores) {
    d.add(new SortedDocValuesField(CLUSTER, new BytesRef(clusterId)));
    if (bestMatch != null) {
      d.add(new StoredField(BEST_MATCH, bestMatch));
      d.add(new StoredField(SCORES, encode(scores)));
    }
    return d;
  }

  private static byte[] longsBytes(long[] values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length);
    b.asLongBuffer().put(values);
    return b.array();
  }

  private static long[] readLongs(BytesRef b) {
    long[] out = new long[b.length / 8];
    ByteBuffer.wrap(b.bytes, b.offset, b.length).asLongBuffer().get(out);
    return out;
  }

  /** A document's line keys as the statistics count them: all kinds, and those in its source. */
  /**
   * A document's line keys: those the line statistics count, and the keys in its source of the
   * lines the story counts count.
   */
  record LineKeySets(long[] counted, long[] stories) {}

  /** Per-segment readers of what scoring and statistics read; one per leaf and thread. */
  static final class LeafFields {
    private final LeafReader reader;
    private final String path;
    private SortedDocValues ids;
    private BinaryDocValues lead;
    private BinaryDocValues set;
    private BinaryDocValues lead7;
    private BinaryDocValues set7;
    private BinaryDocValues sketch;
    private BinaryDocValues lines;
    private SortedDocValues sources;
    private SortedDocValues lineSources;
    private NumericDocValues storyLines;
    private SortedDocValues clusters;
    private NumericDocValues published;
    private NumericDocValues textHashes;
    private NumericDocValues positions;

    LeafFields(LeafReader reader, String path) {
      this.reader = reader;
      this.path = path;
    }

    String id(int doc) throws IOException {
      return idOfOrd(ord(doc));
    }

    /** The ordinal of a document's id in this segment's sorted ids (their byte order). */
    int ord(int doc) throws IOException {
      if (ids == null || ids.docID() >= doc) {
        ids = reader.getSortedDocValues(ID);
      }
      if (ids == null || !ids.advanceExact(doc)) {
        throw new CorruptIndexException("document without id", path);
      }
      return ids.ordValue();
    }

    /** The id of an ordinal ({@link #ord}). */
    String idOfOrd(int ord) throws IOException {
      return ids.lookupOrd(ord).utf8ToString();
    }

    int[] set(int doc) throws IOException {
      if (set == null || set.docID() >= doc) {
        set = reader.getBinaryDocValues(SET);
      }
      if (set != null && set.advanceExact(doc)) {
        return IntCodecs.readSortedSet(set.binaryValue());
      }
      if (set7 == null || set7.docID() >= doc) {
        set7 = reader.getBinaryDocValues(SET_7);
      }
      return set7 == null || !set7.advanceExact(doc) ? new int[0]
          : readSortedInts(set7.binaryValue());
    }

    /**
     * The keys the line statistics count for a document ({@link LineKeys#counted}): its lines'
     * keys in every source, as stored, and their keys in its source, derived.
     */
    long[] lineKeys(int doc) throws IOException {
      return lines(doc).counted();
    }

    /**
     * A document's line keys as the statistics count them: {@link #lineKeys} and its lines' keys
     * in its source ({@link LineKeys#ofSource(String, long[])}), from one read.
     */
    LineKeySets lines(int doc) throws IOException {
      if (lines == null || lines.docID() >= doc) {
        lines = reader.getBinaryDocValues(LINES);
        lineSources = reader.getSortedDocValues(SOURCE);
        storyLines = reader.getNumericDocValues(STORY_LINES);
      }
      if (lines == null || !lines.advanceExact(doc)) {
        return new LineKeySets(new long[0], new long[0]);
      }
      if (lineSources == null || !lineSources.advanceExact(doc)) {
        throw new CorruptIndexException("document without source", path);
      }
      String source = lineSources.lookupOrd(lineSources.ordValue()).utf8ToString();
      long[] keys = readLongs(lines.binaryValue());
      long[] story = keys; // format 8 and before: every line
      if (storyLines != null && storyLines.docID() > doc) {
        storyLines = reader.getNumericDocValues(STORY_LINES);
      }
      if (storyLines != null && storyLines.advanceExact(doc)) {
        long n = storyLines.longValue();
        if (n < 0 || n > keys.length) {
          throw new CorruptIndexException("story line count " + n + " of " + keys.length, path);
        }
        story = java.util.Arrays.copyOf(keys, (int) n);
      }
      return new LineKeySets(LineKeys.counted(source, LineKeys.ascending(keys)),
          LineKeys.ofSource(source, story));
    }

    /**
     * The cluster-state member of a document, from doc values only (no stored field is
     * decompressed on open); strings shared through {@code sources} and {@code clusterIds}.
     */
    ClusterState.Member member(int doc, com.google.common.collect.Interner<String> sourceNames,
        java.util.Map<String, String> clusterIds) throws IOException {
      if (sources == null || sources.docID() >= doc) {
        sources = reader.getSortedDocValues(SOURCE);
        clusters = reader.getSortedDocValues(CLUSTER);
        published = reader.getNumericDocValues(PUBLISHED);
        textHashes = reader.getNumericDocValues(TEXT_HASH);
      }
      if (sources == null || !sources.advanceExact(doc) || clusters == null
          || !clusters.advanceExact(doc) || textHashes == null || !textHashes.advanceExact(doc)) {
        throw new CorruptIndexException("document without source, cluster or text hash", path);
      }
      String cluster = clusters.lookupOrd(clusters.ordValue()).utf8ToString();
      long pub = published != null && published.advanceExact(doc) ? published.longValue()
          : Long.MAX_VALUE;
      String id = id(doc);
      // one string per cluster id, the id of the article that started it where that comes first
      // (it mostly does: documents are visited in about the order they were added)
      return new ClusterState.Member(id,
          sourceNames.intern(sources.lookupOrd(sources.ordValue()).utf8ToString()),
          clusterIds.computeIfAbsent(cluster, c -> c.equals(id) ? id : c), pub,
          textHashes.longValue());
    }

    long position(int doc) throws IOException {
      if (positions == null || positions.docID() >= doc) {
        positions = reader.getNumericDocValues(POSITION);
      }
      if (positions == null || !positions.advanceExact(doc)) {
        throw new CorruptIndexException("document without position", path);
      }
      return positions.longValue();
    }

    /** The evidence of a document. */
    Evidence evidence(int doc) throws IOException {
      return evidence(doc, id(doc));
    }

    /** {@link #evidence(int)} under the id already read for the document (one string for both). */
    Evidence evidence(int doc, String id) throws IOException {
      if (lead == null || lead.docID() >= doc) {
        lead = reader.getBinaryDocValues(LEAD);
      }
      int[] s = set(doc);
      int length;
      int[] leadRanks;
      if (lead != null && lead.advanceExact(doc)) {
        BytesRef l = lead.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(l.bytes, l.offset, l.length);
        length = in.readVInt();
        int at = in.getPosition() - l.offset;
        leadRanks = IntCodecs.readRanks(new BytesRef(l.bytes, in.getPosition(), l.length - at),
            s.length);
        if (leadRanks.length != Fingerprint.leadLength(length)) {
          throw new CorruptIndexException(leadRanks.length + " lead shingles of " + length, path);
        }
      } else { // a format-7 document
        if (lead7 == null || lead7.docID() >= doc) {
          lead7 = reader.getBinaryDocValues(LEAD_7);
        }
        if (lead7 == null || !lead7.advanceExact(doc)) {
          throw new CorruptIndexException("document without lead", path);
        }
        BytesRef l = lead7.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(l.bytes, l.offset, l.length);
        length = in.readVInt();
        leadRanks = new int[Fingerprint.leadLength(length)];
        for (int i = 0; i < leadRanks.length; i++) {
          int rank = in.readVInt();
          if (rank < 0 || rank >= s.length) {
            throw new CorruptIndexException(
                "lead shingle " + rank + " outside a set of " + s.length, path);
          }
          leadRanks[i] = rank;
        }
      }
      if (sketch == null || sketch.docID() >= doc) {
        sketch = reader.getBinaryDocValues(SKETCH);
      }
      byte[] sk = new byte[0]; // a format-7 document's: its sketch is of other bits
      if (sketch != null && sketch.advanceExact(doc)) {
        BytesRef b = sketch.binaryValue();
        sk = Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
      }
      return new Evidence(id, leadRanks, length, s, sk);
    }
  }

  /** Reads a format-7 {@code set}: vint count, then vlong deltas from Integer.MIN_VALUE. */
  static int[] readSortedInts(BytesRef b) {
    ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
    int n = in.readVInt();
    int[] out = new int[n];
    long previous = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      previous += in.readVLong();
      out[i] = (int) previous;
    }
    return out;
  }

  /** The vint count of evidence shingles, then the lead's ranks in the set ({@link IntCodecs}). */
  private static byte[] leadBytes(Fingerprint fp) {
    byte[] ranks = IntCodecs.ranks(fp.leadRanks, fp.set.length);
    byte[] out = new byte[5 + ranks.length];
    ByteArrayDataOutput o = new ByteArrayDataOutput(out);
    try {
      o.writeVInt(fp.length);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // an array output does not fail
    }
    System.arraycopy(ranks, 0, out, o.getPosition(), ranks.length);
    return Arrays.copyOf(out, o.getPosition() + ranks.length);
  }

  static String encode(MatchScores s) {
    return s.score() + "," + s.containmentOfNew() + "," + s.containmentOfMatch() + ","
        + s.jaccard() + "," + s.minHashJaccard() + "," + s.leadOfNew() + "," + s.leadOfMatch()
        + "," + s.leadShareOfNew() + "," + s.leadShareOfMatch() + "," + s.linked() + ","
        + s.leadVerbatim();
  }

  static MatchScores decode(String s) {
    String[] p = s.split(",");
    return new MatchScores(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
        Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]),
        Integer.parseInt(p[5]), Integer.parseInt(p[6]), Double.parseDouble(p[7]),
        Double.parseDouble(p[8]), p.length > 10 ? Double.parseDouble(p[10]) : 0,
        Boolean.parseBoolean(p[9]));
  }
}
