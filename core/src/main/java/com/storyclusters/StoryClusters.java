package com.storyclusters;

import static com.google.common.base.Preconditions.checkArgument;

import com.storyclusters.cluster.ClusterState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facade: finds syndicated copies among incoming articles and groups them into story clusters.
 *
 * <pre>{@code
 * try (StoryClusters sc = StoryClusters.builder().directory(Path.of("idx")).build()) {
 *   Assignment a = sc.add(Article.builder("a1").source("kyodo").text(text).build());
 *   StoryCluster c = sc.cluster(a.clusterId()).orElseThrow();
 * }
 * }</pre>
 *
 * <p><b>What add does.</b> The text is normalized, its site's recurring lines removed, its
 * shingles hashed and sketched; candidates are scored ({@link MatchScores}) and the cluster rule
 * joins or starts a cluster (README, Architecture); a package-private pipeline wires the stages.
 *
 * <p><b>Determinism.</b> {@link #addAll} (a batch scored in parallel) gives exactly what
 * one-by-one {@link #add}s give, at any thread count, and a resumed run an uninterrupted one's.
 *
 * <p><b>Thread-safety.</b> All methods are safe from many threads; assignment is serialised, and
 * readers never see a half-applied add.
 *
 * <p><b>Durability.</b> An add is visible at once and durable after {@link #commit()}, {@link
 * #close()} or every {@link Settings.Builder#commitEvery} adds; a failure of the background
 * indexer is thrown by the next add, remove, commit or close.
 *
 * <p><b>Errors.</b> Null arguments throw {@link NullPointerException}; an I/O failure, damage
 * ({@code "corrupt index at PATH: "}) or use after close, {@link StoryClustersException}; other
 * recorded settings, {@link SettingsMismatchException}. Opening: README, Failure behaviour ({@link
 * Settings.Builder#readOnly} takes no lock, for services that only query).
 */
public final class StoryClusters implements AutoCloseable {
  private final Pipeline pipeline;
  private final Guard guard;

  private StoryClusters(Settings settings) {
    this.pipeline = new Pipeline(settings);
    this.guard = new Guard(pipeline);
  }

  /** Opens (or creates) the index of {@code settings}; see {@link Settings.Builder#build()}. */
  public static StoryClusters open(Settings settings) {
    return new StoryClusters(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Checks the index in {@code folder} fully and read-only (Lucene's CheckIndex, never fixing, and
   * this project's layout: format, settings, statistics file, each article's fields), as of its
   * last commit. Takes no lock, writes nothing, reads every byte.
   */
  public static CheckReport check(java.nio.file.Path folder) {
    return com.storyclusters.index.IndexCheck.run(Objects.requireNonNull(folder, "folder"));
  }

  /** A builder with the defaults for news. */
  public static Settings.Builder builder() {
    return new Settings.Builder();
  }

  /** The settings this instance was opened with. */
  public Settings settings() {
    return pipeline.settings;
  }

  /**
   * Adds (or updates) an article and assigns it to a story cluster. Re-adding an id with the same
   * text changes nothing and returns the existing assignment ({@link Assignment#unchanged()});
   * with different text it is an update: the old version is removed, the new one assigned afresh.
   */
  public Assignment add(Article article) {
    return addAll(List.of(Objects.requireNonNull(article, "article")), 1).get(0);
  }

  /**
   * Adds articles in list order: fingerprinted and scored on {@code threads} threads, assigned in
   * order. The result is exactly that of calling {@link #add} for each in order, whatever the
   * number of threads.
   *
   * @param threads worker threads, at least 1
   * @return one assignment per article, in list order
   * @throws NullPointerException if the list or an element is null
   */
  public List<Assignment> addAll(List<Article> articles, int threads) {
    checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
    return guard.inOrder(articles, threads, pipeline::segment);
  }

  /**
   * Records new articles with the assignments a batch engine decided for them ({@code
   * com.storyclusters.batch}: the ones {@link #addAll} gives the same input), deciding nothing:
   * each is fingerprinted and indexed as {@link #addAll} would, so that later adds continue as if
   * this instance had added everything itself. Prepared on {@code threads} threads, recorded in
   * order; {@code decided} holds one assignment per article (cluster, best match, scores).
   *
   * @throws IllegalArgumentException if the lists do not pair up by id, or an id is indexed
   *     already (the articles before it stay recorded)
   */
  public List<Assignment> recordAll(List<Article> articles, List<Assignment> decided,
      int threads) {
    checkArgument(articles.size() == decided.size() && threads >= 1,
        "%s articles, %s assignments, %s threads", articles.size(), decided.size(), threads);
    List<Assignment> copy = List.copyOf(decided);
    for (int i = 0; i < copy.size(); i++) {
      checkArgument(copy.get(i).articleId().equals(articles.get(i).id()),
          "assignment %s is for %s, not %s", i, copy.get(i).articleId(), articles.get(i).id());
    }
    return guard.inOrder(articles, threads, (p, i, out, workers) -> {
      out.add(pipeline.record(p[i], copy.get(i), workers));
      return i + 1;
    });
  }

  /**
   * The story cluster an article would join if it were added now, without adding it: a read-only
   * query, nothing changes. Empty when it would start a cluster of its own. For an id that is not
   * indexed this is exactly what {@link #add} would return (cluster, best match, scores, removed
   * lines). An indexed article with the same id is only left out of the candidates: it stays in the
   * statistics and in its cluster (as its representative, say), which an update ({@link #add} of a
   * changed text) removes first, so for an update the answer can differ from the add's. Serialised
   * with adds, so it sees every earlier add.
   */
  public Optional<Assignment> match(Article article) {
    Objects.requireNonNull(article, "article");
    guard.checkOpen();
    var p = pipeline.prepare(article);
    return guard.locked(() -> pipeline.match(p));
  }

  /**
   * Removes an article; false if it was not indexed. Its cluster keeps its id; a cluster left
   * empty disappears.
   */
  public boolean remove(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    guard.checkWritable();
    return guard.locked(() -> pipeline.remove(articleId));
  }

  /** The cluster with this id, if it exists. */
  public Optional<StoryCluster> cluster(String clusterId) {
    Objects.requireNonNull(clusterId, "clusterId");
    guard.checkOpen();
    return Optional.ofNullable(pipeline.state.cluster(clusterId));
  }

  /** The cluster an indexed article belongs to, if the article is indexed. */
  public Optional<StoryCluster> clusterOf(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    guard.checkOpen();
    ClusterState.Member m = pipeline.state.member(articleId);
    return m == null ? Optional.empty() : Optional.ofNullable(pipeline.state.cluster(m.clusterId()));
  }

  /** A snapshot of all clusters, ordered by id. */
  public List<StoryCluster> clusters() {
    guard.checkOpen();
    List<StoryCluster> out = new ArrayList<>(pipeline.state.clusters());
    out.sort(Comparator.comparing(StoryCluster::id));
    return out;
  }

  /** Number of story clusters. */
  public int clusterCount() {
    guard.checkOpen();
    return pipeline.state.clusterCount();
  }

  /** Number of indexed articles. */
  public int size() {
    guard.checkOpen();
    return pipeline.state.articleCount();
  }

  /**
   * Explains how two indexed articles compare: when the second is the first's recorded best
   * match, the scores its assignment used; otherwise as if the first were added now. With the
   * passages they share (none when the index does not store text).
   *
   * @throws IllegalArgumentException if either id is not indexed
   */
  public PairExplanation explain(String firstId, String secondId) {
    Objects.requireNonNull(firstId, "firstId");
    Objects.requireNonNull(secondId, "secondId");
    return guard.locked(() -> pipeline.explain(firstId, secondId));
  }

  /** Makes every add so far durable. Records no checkpoint (see {@link #commit(String)}). */
  public void commit() {
    commitWith(null);
  }

  /**
   * {@link #commit()}, recording {@code checkpoint} (how far the caller's feed was read; at most
   * 32,766 UTF-8 bytes) atomically with exactly these adds: after a crash, resume from {@link
   * #checkpoint()}, so that nothing is applied twice (a superseded version re-applied would undo
   * its update). A later commit of further changes without one records none.
   */
  public void commit(String checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (checkpoint.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 32_766) {
      throw new IllegalArgumentException("checkpoint is longer than 32,766 bytes");
    }
    commitWith(checkpoint);
  }

  private void commitWith(String checkpoint) {
    guard.checkWritable();
    guard.locked(() -> {
      pipeline.commit(checkpoint);
      pipeline.refresh(); // a commit leaves only the index's own memory held
      return null;
    });
  }

  /** The checkpoint of the index's last commit ({@link #commit(String)}), if it has one. */
  public Optional<String> checkpoint() {
    return guard.locked(() -> Optional.ofNullable(pipeline.store.checkpoint()));
  }

  /** An indexed article's assignment as recorded ({@link Assignment#unchanged()} true). */
  public Optional<Assignment> assignment(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    return guard.locked(() -> Optional.ofNullable(pipeline.recorded(articleId)));
  }

  /** The id, source, publication time and cluster of an indexed article (read from memory). */
  public Optional<ArticleInfo> info(String articleId) {
    guard.checkOpen();
    ClusterState.Member m = pipeline.state.member(Objects.requireNonNull(articleId, "articleId"));
    return m == null ? Optional.empty() : Optional.of(new ArticleInfo(m.id(), m.source(),
        Optional.of(m.published()).filter(t -> t != Long.MAX_VALUE).map(
        java.time.Instant::ofEpochMilli), m.clusterId()));
  }

  /** The fingerprinted text the index stores; empty when not indexed or text is not stored. */
  public Optional<String> text(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    return guard.locked(() -> Optional.ofNullable(pipeline.text(articleId)));
  }

  /** Commits and releases the index. Idempotent: a second call does nothing. */
  @Override
  public void close() {
    guard.close();
  }

  /** Whether the index stores the fingerprinted texts (see {@link Settings.Builder#storeText}). */
  public boolean storesText() {
    return pipeline.store.storesText();
  }
}
