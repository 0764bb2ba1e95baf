package com.storyclusters.index;

import com.storyclusters.MatchScores;
import com.storyclusters.StoryClustersException;
import com.storyclusters.cluster.ClusterState;
import com.storyclusters.cluster.ShingleFrequencies;
import com.storyclusters.fingerprint.Fingerprint;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index behind a {@code StoryClusters}: one document per article in the layout of
 * {@link IndexLayout}. Adds and deletes are applied in order on one background thread, so that
 * Lucene's indexing overlaps the caller's work; {@link #refresh}, {@link #commit} and {@link
 * #close} wait for them, and a failure there is thrown by the next call that writes. Reads by id go
 * through {@link IndexSnapshot}s, safe for concurrent readers. Writes are not thread-safe: the facade
 * serialises them. Opened read-only, it holds a reader of the last commit instead of a writer (the
 * same snapshots and visits), takes no lock and refuses every change.
 */
public final class LuceneStore implements AutoCloseable {
  private final Directory directory;
  private final String path;
  private IndexSettings settings;
  private final boolean readOnly;
  /** Null when read-only. */
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** Adds and deletes, applied in order on the background indexer thread. */
  private final IndexQueue queue = new IndexQueue();
  /** The first failure of a background merge; reported by every later call that writes. */
  private volatile Throwable mergeFailure;
  private final long committedPosition;
  /** The statistics file of the last commit (null: none) and the position its table counts to. */
  private String statsFile;
  private long statsAt;
  /** The caller's checkpoint recorded by the last commit (null: none). */
  private String checkpoint;
  /** The retention state of the last commit, or null ({@link #retention}). */
  private long[] retention;
  /** Changes queued so far, and as of the last commit: a commit with none new writes nothing. */
  private long changes;
  private long committedChanges;

  /** An index change run by the background indexer. */
  public interface IndexAction {
    void run() throws IOException;
  }

  /**
   * Opens the index in {@code folder} (null: a new in-memory index). A missing folder is created
   * and an empty one used, unless {@code readOnly}; a folder that is not a storyclusters index is
   * refused untouched ({@link IndexFolder}).
   *
   * @throws StoryClustersException if it cannot be opened, is damaged ("corrupt index at ..."),
   *     is not a storyclusters index, or has other settings
   */
  public static LuceneStore open(Path folder, IndexSettings settings, boolean readOnly) {
    if (folder == null) {
      if (readOnly) {
        throw new StoryClustersException("a read-only open needs an index folder");
      }
      return new LuceneStore(new ByteBuffersDirectory(), "(memory)", settings, false);
    }
    IndexFolder.Kind kind = IndexFolder.inspect(folder);
    if (readOnly && kind != IndexFolder.Kind.COMMITTED) {
      throw new StoryClustersException("no storyclusters index at " + folder + " (the folder is "
          + (kind == IndexFolder.Kind.MISSING ? "missing" : "empty")
          + "): a read-only open creates none");
    }
    Directory dir;
    try {
      dir = FSDirectory.open(folder);
    } catch (IOException e) {
      throw new StoryClustersException("cannot open index folder " + folder + ": "
          + e.getMessage(), e);
    }
    try {
      return new LuceneStore(dir, folder.toString(), settings, readOnly);
    } catch (RuntimeException | Error e) {
      closeAfter(e, dir);
      throw e;
    }
  }

  /** Opens (or creates) a writable index in {@code directory} (tests). */
  LuceneStore(Directory directory, String path, IndexSettings settings) {
    this(directory, path, settings, false);
  }

  /**
   * Opens the index in {@code directory}, read-only or not, or creates one there if it holds no
   * commit and not {@code readOnly}. The commit is verified ({@link Integrity}) before the write
   * lock is taken; on any failure everything opened so far is closed (not the directory) and
   * nothing was written.
   */
  private LuceneStore(Directory directory, String path, IndexSettings settings,
      boolean readOnly) {
    this.directory = directory;
    this.path = path;
    this.settings = settings;
    this.readOnly = readOnly;
    DirectoryReader reader = null;
    IndexWriter w = null;
    try {
      Map<String, String> data = Map.of();
      boolean exists = DirectoryReader.indexExists(directory);
      if (exists) {
        reader = DirectoryReader.open(directory);
        data = reader.getIndexCommit().getUserData();
        settings.check(data, path);
        this.settings = settings.withStoredText(data);
        Integrity.verify(reader, path);
      } else if (readOnly) {
        throw new StoryClustersException("no storyclusters index at " + path
            + ": a read-only open creates none");
      }
      committedPosition = Long.parseLong(data.getOrDefault(IndexLayout.POSITION_KEY, "0"));
      statsFile = data.get(IndexLayout.STATS_KEY);
      statsAt = Long.parseLong(data.getOrDefault(IndexLayout.STATS_AT_KEY, "0"));
      checkpoint = data.get(IndexLayout.CHECKPOINT_KEY);
      retention = IndexLayout.retention(data.get(IndexLayout.RETENTION_KEY));
      if (readOnly) {
        this.searchers = new SearcherManager(reader, null);
        reader = null; // the searcher manager owns it
      } else {
        if (reader != null) {
          reader.close();
          reader = null;
        }
        w = new IndexWriter(directory, writerConfig(exists));
        w.setLiveCommitData(userData(committedPosition).entrySet());
        if (!exists) {
          w.commit();
        }
        this.searchers = new SearcherManager(w, true, false, null);
      }
      this.writer = w;
    } catch (RuntimeException | IOException | Error e) {
      closeAfter(e, reader, w == null ? null : w::rollback);
      if (e instanceof StoryClustersException sce) {
        throw sce;
      } else if (e instanceof IOException io) {
        throw StoryClustersException.of(path, io);
      } else if (e instanceof NumberFormatException) {
        throw StoryClustersException.corrupt(path, new CorruptIndexException(
            "commit data: " + e.getMessage(), path, e));
      } else if (e instanceof RuntimeException) { // Lucene failing on damaged bytes
        throw StoryClustersException.corrupt(path, new CorruptIndexException(
            "cannot read it (" + e + ")", path, e));
      }
      throw (Error) e;
    }
  }

  /** The writer's configuration: it appends to the commit verified, or creates a new index. */
  private IndexWriterConfig writerConfig(boolean exists) {
    IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
    config.setOpenMode(exists ? IndexWriterConfig.OpenMode.APPEND
        : IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    // stored text costs more to compress than all else to index: BEST_COMPRESSION halved the
    // indexing rate for 40% less disk (issue 11's measurements)
    config.setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED));
    config.setCommitOnClose(false);
    config.setMergeScheduler(new ConcurrentMergeScheduler() {
      @Override
      protected void handleMergeException(Throwable exc) {
        mergeFailure = exc; // reported by the next call that writes, not printed by a thread
      }
    });
    return config;
  }

  /** Closes each of {@code resources} (null: skipped), adding their failures to {@code e}'s. */
  private static void closeAfter(Throwable e, Closeable... resources) {
    for (Closeable c : resources) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
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
    if (checkpoint != null) {
      m.put(IndexLayout.CHECKPOINT_KEY, checkpoint);
    }
    if (retention != null) {
      m.put(IndexLayout.RETENTION_KEY, IndexLayout.retention(retention));
    }
    return m;
  }

  /**
   * A point-in-time view of the documents as of the last {@link #refresh} (the caller refreshes
   * first when it must see a later add); release it with close.
   */
  public IndexSnapshot snapshot() throws IOException {
    return new IndexSnapshot(searchers, searchers.acquire(), path);
  }

  /**
   * An article's document before its assignment is known: all but the cluster, best match and
   * scores. Built on any thread (it reads only the fingerprint); added once by {@link #add}.
   */
  public static final class Draft {
    private final Document document;
    /** Its weight in the indexer's queue ({@link IndexQueue#weight}). */
    private final int weight;

    private Draft(Document document, int weight) {
      this.document = document;
      this.weight = weight;
    }
  }

  /** The {@link Draft} of an article at input {@code position}. Thread-safe. */
  public Draft draft(Fingerprint fp, long position) {
    // in chars (two bytes): the title, the set (4 bytes a value), the line keys (8), the texts
    long chars = fp.prepared.article.title().length() + 2L * fp.set.length
        + 4L * fp.prepared.distinctLineKeys.length;
    if (settings.storeText()) {
      chars += fp.keptText.length();
      for (String line : fp.removed) {
        chars += line.length() + 1;
      }
    }
    return new Draft(IndexLayout.document(fp, position, settings.storeText()),
        IndexQueue.weight(chars));
  }

  /** Queues an article's document (the facade deletes an earlier version itself first). */
  public void add(Draft draft, String clusterId, String bestMatch, MatchScores scores)
      throws IOException {
    Document d = IndexLayout.decided(draft.document, clusterId, bestMatch, scores);
    submit(() -> writer.addDocument(d), draft.weight);
  }

  /** Queues an article's document: {@link #draft} and {@link #add} in one. */
  public void add(Fingerprint fp, ClusterState.Member m, String bestMatch, MatchScores scores,
      long position) throws IOException {
    add(draft(fp, position), m.clusterId(), bestMatch, scores);
  }

  public void delete(String id) throws IOException {
    submit(() -> writer.deleteDocuments(IndexLayout.idTerm(id)));
  }

  /**
   * Queues an index change behind the earlier ones; throws an earlier change's failure.
   *
   * @throws StoryClustersException if the index is opened read-only
   */
  public void submit(IndexAction action) throws IOException {
    submit(action, 1);
  }

  /** {@link #submit(IndexAction)} of a change weighing {@code weight} ({@link IndexQueue}). */
  private void submit(IndexAction action, int weight) throws IOException {
    checkWritable();
    checkIndexer();
    changes++;
    queue.submit(action, weight);
  }

  /** Waits until every queued change is applied to the writer (the queue reports its failure). */
  private void drain() throws IOException {
    queue.drain();
    checkMerges();
  }

  private void checkIndexer() throws IOException {
    queue.check();
    checkMerges();
  }

  private void checkMerges() throws IOException {
    Throwable merge = mergeFailure;
    if (merge != null) {
      throw new IOException("a background merge failed: " + merge.getMessage(), merge);
    }
  }

  /** Whether the index was opened read-only: no writer, no lock, every change refused. */
  public boolean readOnly() {
    return readOnly;
  }

  private void checkWritable() {
    if (readOnly) {
      throw new StoryClustersException("index at " + path
          + " is opened read-only: adds, removes and commits are refused");
    }
  }

  /** Makes every queued change visible to new snapshots (read-only: nothing to do). */
  public void refresh() throws IOException {
    if (!readOnly) {
      drain();
      searchers.maybeRefreshBlocking();
    }
  }

  /** Commits without statistics (tests of the indexer). */
  public void commit() throws IOException {
    checkWritable();
    drain();
    writer.commit();
  }

  /**
   * Commits every queued change with the position reached and the caller's {@code checkpoint}, and
   * saves the frozen frequency table (counting the adds before {@code frozenAt}) beside it when
   * {@code mustSave} (a delete changed it), when there is none yet, or when the one saved lags by
   * more than a quarter of the index plus 8,192 adds (what an open replays). On-disk indexes only:
   * an in-memory one is never reopened. So a long run writes the 2^(bits+2)-byte table a few
   * times, not at every commit.
   *
   * <p>With no change since the last commit and no new checkpoint, nothing is written (the last
   * commit's checkpoint stands). A commit of changes without a checkpoint ({@code null}) records
   * none: a checkpoint always describes exactly the adds of its commit.
   */
  public void commit(long position, ShingleFrequencies frequencies, long frozenAt,
      boolean mustSave, String checkpoint, long[] retention) throws IOException {
    checkWritable();
    drain();
    if (changes == committedChanges
        && (checkpoint == null || checkpoint.equals(this.checkpoint))) {
      return;
    }
    boolean lagging = frozenAt - statsAt > statsAt / 4 + 8192;
    if ((mustSave || statsFile == null || lagging)
        && !(directory instanceof ByteBuffersDirectory)) {
      statsFile = StatisticsFile.write(directory,
          SegmentInfos.getLastCommitGeneration(directory) + "-" + frozenAt, frequencies);
      statsAt = frozenAt;
    }
    this.checkpoint = checkpoint;
    this.retention = retention == null ? null : retention.clone();
    writer.setLiveCommitData(userData(position).entrySet());
    writer.commit();
    committedChanges = changes;
    StatisticsFile.deleteAllBut(directory, statsFile);
  }

  /** The checkpoint recorded by the last commit, or null. */
  public String checkpoint() {
    return checkpoint;
  }

  /**
   * The retention state recorded by the last commit ({@code {evictedBefore, latestPublished}},
   * epoch milliseconds), or null if it recorded none (no window, or an index written before it was
   * recorded).
   */
  public long[] retention() {
    return retention == null ? null : retention.clone();
  }

  /** The position the saved frequency table counts to (see {@link #storedFrequencies}). */
  public long storedFrequenciesAt() {
    return statsAt;
  }

  /**
   * The frequency table saved with the last commit, counting the adds before {@link
   * #storedFrequenciesAt}; null when there is none or it cannot be used (missing, damaged, other
   * bits): the caller rebuilds it from the index, and the next commit saves a sound one (a cache:
   * the answers are the same; {@link IndexCheck} reports a damaged one).
   */
  public ShingleFrequencies storedFrequencies(int bits) {
    ShingleFrequencies table = statsFile == null ? null
        : StatisticsFile.read(directory, statsFile, bits);
    if (table == null) {
      statsFile = null;
      statsAt = 0;
    }
    return table;
  }

  @Override
  public void close() throws IOException {
    try {
      try {
        drain();
      } finally {
        queue.shutdown();
        searchers.close();
      }
    } finally {
      try {
        if (writer != null && writer.isOpen()) {
          writer.commit();
        }
      } finally {
        try {
          if (writer != null) {
            writer.close();
          }
        } finally {
          directory.close();
        }
      }
    }
  }

  /** Closes without committing (for a failed open). */
  public void rollback() throws IOException {
    try {
      queue.shutdownAndWait(); // let queued changes finish before rolling back
      searchers.close();
    } finally {
      try {
        if (writer != null) {
          writer.rollback();
        }
      } finally {
        directory.close();
      }
    }
  }
}
