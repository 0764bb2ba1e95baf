package com.storyclusters;

import static com.google.common.base.Preconditions.checkArgument;

import com.storyclusters.lsh.LshPlan;
import com.storyclusters.minhash.MinHasher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

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
 * <p><b>What add does.</b> The text is normalized and split into lines, with the title as the first
 * line unless the text holds it (then the article starts at that line, its own headline, and what
 * came before it is dropped: site chrome, teasers of other stories); lines that other articles
 * of the same source already carried (short ones once, long ones twice) are removed as boilerplate;
 * the rest is cut into word shingles, hashed, and summarised by a MinHash signature. Candidates are
 * the indexed articles that share an LSH band key or one of the article's rarest shingles (of its
 * lead first, so that a page carrying other stories finds its own); each is
 * verified exactly (see {@link MatchScores}): IDF-weighted containment of the smaller text in the
 * larger, at least {@link Builder#minScore}, with the shared text starting in both leads. The article
 * joins the cluster of its best verified match if that cluster's representative is verified too
 * (verified as well when it was not a candidate), or at least two of its members are (no chaining
 * through one edge); otherwise it starts a cluster. {@link #match} answers the same question
 * without adding.
 *
 * <p><b>Thread-safety.</b> All methods are safe from many threads. Fingerprinting runs in the
 * caller's thread; assignment is serialised, so copies added at once from different threads end in
 * one cluster. Readers never see a half-applied add.
 *
 * <p><b>Durability.</b> An add is visible to later adds and readers at once; it is durable on disk
 * after {@link #commit()}, after {@link #close()}, or every {@link Builder#commitEvery} adds. A crash
 * loses at most the adds since the last commit; the index always reopens at its last commit.
 * Lucene's indexing of an add runs on a background thread (one per instance, in add order) while
 * the caller goes on; a failure there (disk full, say) is thrown, as {@link
 * StoryClustersException}, by the next add, remove, commit or close, and changes after it are not
 * applied, so the index never holds a later add without an earlier one.
 *
 * <p><b>Errors.</b> Null arguments throw {@link NullPointerException}; an I/O failure or corrupted
 * index throws {@link StoryClustersException} (nothing committed is lost); use after close throws
 * {@link StoryClustersException}; an index built with other settings throws {@link
 * SettingsMismatchException} from {@link Builder#build()}.
 */
public final class StoryClusters implements AutoCloseable {
  private final Builder config;
  private final MinHasher hasher;
  private final LshPlan plan;
  private final Verifier verifier;
  private final LuceneStore store;
  private final ClusterState state;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final RecentBuffer recent = new RecentBuffer();
  /** One String per distinct source, shared by all members of that source. */
  private final com.google.common.collect.Interner<String> sources =
      com.google.common.collect.Interners.newStrongInterner();
  private ShingleFrequencies frequencies;
  /**
   * Adds between two reopenings of the Lucene searcher (see {@link RecentBuffer}), unless the
   * buffer holds {@link #REFRESH_SHINGLES} first. Each refresh flushes a segment; larger ones mean
   * fewer segments for every later add to search and less merging (1024 → 8192: 1.4× the
   * throughput at 100k articles).
   */
  private static final int REFRESH_EVERY = 8192;
  /** Evidence shingles the recent buffer may hold (~16 MB of sets, ~50 MB in all at most). */
  private static final long REFRESH_SHINGLES = 1L << 22;
  /**
   * Candidates sharing less than this share of the smaller shingle set are not weighed: no pair
   * under it reached the weighted threshold on the development data (IDF weighting raises
   * containment by a factor of about two at most there).
   */
  private static final double MIN_PLAIN_OVERLAP = 0.08;
  /**
   * Anchors drawn from the lead window first: a page that carries other stories after its own
   * (related articles) holds their rarest shingles too, which would otherwise take every anchor and
   * find only those stories' articles, never the page's headline story (on the generated corpus:
   * recall 0.969 → 0.986; COUNTER unchanged).
   */
  private static final int LEAD_ANCHORS = 16;
  /** Shingles in more articles than this are not anchors: they find too many candidates. */
  private static final int MAX_ANCHOR_FREQUENCY = 256;
  private long addsSinceCommit;
  /** Articles published before this were evicted by the retention window. */
  private long evictedBefore = Long.MIN_VALUE;

  private StoryClusters(Builder b) {
    this.config = b.copy();
    this.state = new ClusterState(b.retention != null);
    this.hasher = new MinHasher(b.signatureSize, b.seed, b.scheme);
    this.plan = LshPlan.plan(b.lshThreshold, b.signatureSize, 0.5, 0.5);
    this.verifier = new Verifier(b.minScore, b.minScoreSameSource, b.leadShingles, b.leadFraction, b.minLeadShare,
        b.minShingles);
    IndexSettings settings = new IndexSettings(b.shingleSize, b.signatureSize, b.seed, b.scheme,
        plan.bands(), plan.rows(), b.title);
    Directory dir;
    String path;
    try {
      if (b.directory == null) {
        dir = new ByteBuffersDirectory();
        path = "(memory)";
      } else {
        dir = FSDirectory.open(b.directory);
        path = b.directory.toString();
      }
    } catch (IOException e) {
      throw new StoryClustersException("cannot open index directory " + b.directory + ": "
          + e.getMessage(), e);
    }
    LuceneStore opened;
    try {
      opened = new LuceneStore(dir, path, settings);
    } catch (RuntimeException e) {
      try {
        dir.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    this.store = opened;
    try {
      for (ClusterState.Member m : store.loadMembers(sources)) {
        state.put(m);
      }
      IndexSearcher searcher = store.acquire();
      try {
        // the table saved with the latest commit; rebuilt from the index if absent or damaged
        frequencies = store.storedFrequencies(b.frequencyBits);
        if (frequencies == null) {
          frequencies = LuceneStore.rebuildFrequencies(searcher.getIndexReader(), b.frequencyBits);
        }
      } finally {
        store.release(searcher);
      }
      writeLock.lock();
      try {
        evictExpired();
      } finally {
        writeLock.unlock();
      }
    } catch (IOException e) {
      throw StoryClustersException.of("cannot read index at " + path, e);
    }
  }

  /** A builder with the defaults for news. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds (or updates) an article and assigns it to a story cluster.
   *
   * <p>Re-adding an id with the same text changes nothing and returns the existing assignment
   * ({@link Assignment#unchanged()}). Re-adding an id with different text is an update: the old
   * version is removed, then the new one is assigned afresh.
   *
   * @throws NullPointerException if {@code article} is null
   * @throws StoryClustersException on an I/O failure or after close
   */
  public Assignment add(Article article) {
    java.util.Objects.requireNonNull(article, "article");
    checkOpen();
    Prepared prepared = prepare(article);
    return addPrepared(prepared);
  }

  /**
   * The story cluster an article would join if it were added now, without adding it: a read-only
   * query (for a service that checks whether an incoming text is a copy before deciding to keep
   * it). Nothing changes: not the index, the clusters or the shingle statistics.
   *
   * <p>Empty when the article would start a cluster of its own. When present, the assignment's
   * {@link Assignment#clusterId() clusterId}, {@link Assignment#bestMatch() bestMatch} and {@link
   * Assignment#scores() scores} are what {@link #add} would return for it now; {@link
   * Assignment#newCluster() newCluster} and {@link Assignment#unchanged() unchanged} are false. An
   * indexed article with the same id is left out of the candidates, but still counts in the
   * statistics (an {@code add} of that id would first remove it, so its scores may differ
   * slightly). Serialised with adds (it takes the same lock), so it sees every earlier add.
   *
   * @throws NullPointerException if {@code article} is null
   * @throws StoryClustersException on an I/O failure or after close
   */
  public Optional<Assignment> match(Article article) {
    java.util.Objects.requireNonNull(article, "article");
    checkOpen();
    Prepared prepared = prepare(article);
    return underLock(() -> {
      Decision d = decide(prepared, article.id());
      if (d.best() == null) {
        return Optional.empty();
      }
      return Optional.of(new Assignment(article.id(), d.best().member.clusterId(), false, false,
          Optional.of(d.best().member.id()), Optional.of(d.best().scores), d.fp().removed));
    });
  }

  /** Work on the index under the write lock. */
  private interface IndexWork<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} under the write lock, after checking the instance is open; an I/O failure
   * becomes a {@link StoryClustersException} naming the index.
   */
  private <T> T underLock(IndexWork<T> work) {
    writeLock.lock();
    try {
      checkOpen();
      return work.run();
    } catch (IOException e) {
      throw StoryClustersException.of("index at " + store.path(), e);
    } catch (java.io.UncheckedIOException e) {
      throw StoryClustersException.of("index at " + store.path(), e.getCause());
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Adds articles in list order, fingerprinting them on {@code threads} threads first. The result
   * is the same as calling {@link #add} for each in order, whatever the number of threads: only the
   * index-independent work (normalizing, shingling) runs in parallel; assignment stays in order.
   *
   * @param threads fingerprinting threads, at least 1
   * @return one assignment per article, in list order
   * @throws NullPointerException if the list or an element is null
   */
  public List<Assignment> addAll(List<Article> articles, int threads) {
    checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
    checkOpen();
    List<Article> copy = List.copyOf(articles);
    Prepared[] prepared = new Prepared[copy.size()];
    if (threads == 1 || copy.size() < 2) {
      for (int i = 0; i < prepared.length; i++) {
        prepared[i] = prepare(copy.get(i));
      }
    } else {
      java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
      try {
        pool.submit(() -> java.util.stream.IntStream.range(0, prepared.length).parallel()
            .forEach(i -> prepared[i] = prepare(copy.get(i)))).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoryClustersException("interrupted while fingerprinting", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new StoryClustersException("fingerprinting failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdown();
      }
    }
    List<Assignment> out = new ArrayList<>(prepared.length);
    for (Prepared p : prepared) {
      out.add(addPrepared(p));
    }
    return out;
  }

  private Prepared prepare(Article article) {
    return Prepared.of(article, config.shingleSize, config.maxTextChars, config.title);
  }

  Assignment addPrepared(Prepared prepared) {
    return underLock(() -> {
      String id = prepared.article.id();
      ClusterState.Member existing = state.member(id);
      if (existing != null) {
        if (existing.textHash() == prepared.textHash) {
          if (recent.contains(id)) {
            refreshLocked(); // the recorded assignment is read from the index
          }
          IndexSearcher searcher = store.acquire();
          try {
            return store.recorded(searcher, id, existing.clusterId());
          } finally {
            store.release(searcher);
          }
        }
        removeLocked(id);
      }
      return assign(prepared);
    });
  }

  /** A fingerprinted article and the cluster it would join (null: a new one). */
  private record Decision(Fingerprint fp, Scored best) {}

  private Assignment assign(Prepared prepared) throws IOException {
    Decision decision = decide(prepared, null);
    Fingerprint fp = decision.fp();
    Scored best = decision.best();
    Article a = prepared.article;
    String clusterId;
    boolean isNew = best == null;
    if (isNew) {
      clusterId = a.id();
      for (int n = 2; state.hasCluster(clusterId); n++) {
        clusterId = a.id() + "~" + n;
      }
    } else {
      clusterId = best.member.clusterId();
    }
    ClusterState.Member member = new ClusterState.Member(a.id(), sources.intern(a.source()),
        clusterId, a.published().map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE),
        prepared.textHash);
    String bestMatch = best == null ? null : best.member.id();
    MatchScores scores = best == null ? null : best.scores;
    store.add(fp, member, bestMatch, scores);
    recent.add(fp);
    frequencies.add(fp.set, 1);
    if (recent.size() >= REFRESH_EVERY || recent.shingles() >= REFRESH_SHINGLES) {
      refreshLocked();
    }
    state.put(member);
    evictExpired();
    maybeCommit();
    return new Assignment(a.id(), clusterId, isNew, false, Optional.ofNullable(bestMatch),
        Optional.ofNullable(scores), fp.removed);
  }

  /**
   * Fingerprints an article against the index and finds the cluster it would join; changes
   * nothing. Candidates with id {@code excluded} (when not null) are left out.
   */
  private Decision decide(Prepared prepared, String excluded) throws IOException {
    IndexSearcher searcher = store.acquire();
    Fingerprint fp;
    List<Scored> linked = new ArrayList<>();
    try {
      IndexReader reader = searcher.getIndexReader();
      DocFreqs lines = new DocFreqs(reader, "line");
      fp = Fingerprint.select(prepared, config.boilerplate
          ? key -> lines.of(key) + recent.lineFrequency(key) : null,
          hasher, plan, config.maxShingles);
      if (fp.set.length >= config.minShingles) {
        long docCount = state.articleCount() + 1L;
        IntUnaryOperator df = frequencies::estimate;
        // the new article counts in the frequency of its own shingles; its weights are looked up
        // once, not once per candidate
        double[] weights = new double[fp.set.length];
        for (int i = 0; i < weights.length; i++) {
          weights[i] = Verifier.idf(docCount, df.applyAsInt(fp.set[i]) + 1);
        }
        double[] leadWeights = new double[fp.lead.length];
        for (int i = 0; i < leadWeights.length; i++) {
          leadWeights[i] = weights[Arrays.binarySearch(fp.set, fp.lead[i])];
        }
        IntToDoubleFunction idfOfOther = h -> Verifier.idf(docCount, df.applyAsInt(h));
        int[] anchors = anchors(fp, df, docCount);
        // The same selection whether an article is still in the recent buffer or already in a
        // Lucene segment: most hits first, then smallest id.
        List<LuceneStore.Candidate> candidates = new ArrayList<>(
            store.candidates(searcher, fp.bandKeys, anchors,
                config.maxCandidates + (excluded == null ? 0 : 1)));
        candidates.addAll(recent.candidates(fp.bandKeys, anchors));
        if (excluded != null) {
          candidates.removeIf(c -> c.id().equals(excluded));
        }
        candidates.sort(Comparator.comparingInt((LuceneStore.Candidate c) -> -c.hits())
            .thenComparing(LuceneStore.Candidate::id));
        if (candidates.size() > config.maxCandidates) {
          candidates = candidates.subList(0, config.maxCandidates);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LuceneStore.Candidate c : candidates) {
          seen.add(c.id());
          Scored s = verify(fp, weights, leadWeights, idfOfOther, c);
          if (s != null) {
            linked.add(s);
          }
        }
        // A verified member whose cluster's representative was not a candidate: the rarest shared
        // shingles may all point at that one member (a trimmed copy of a page that carries other
        // stories too), while joining needs the representative or a second member. Verify the
        // representative as well.
        java.util.TreeSet<String> reps = new java.util.TreeSet<>();
        for (Scored s : linked) {
          StoryCluster cluster = state.cluster(s.member.clusterId());
          if (cluster != null && !seen.contains(cluster.representative())
              && !cluster.representative().equals(excluded)) {
            reps.add(cluster.representative());
          }
        }
        for (String rep : reps) {
          LuceneStore.Candidate c = recent.candidate(rep);
          if (c == null) {
            c = store.load(searcher, rep);
          }
          Scored s = c == null ? null : verify(fp, weights, leadWeights, idfOfOther, c);
          if (s != null) {
            linked.add(s);
          }
        }
      }
    } finally {
      store.release(searcher);
    }
    return new Decision(fp, chooseCluster(linked));
  }

  /** Verifies one candidate against a new article's fingerprint: its scores if linked, or null. */
  private Scored verify(Fingerprint fp, double[] weights, double[] leadWeights,
      IntToDoubleFunction idfOfOther, LuceneStore.Candidate c) {
    ClusterState.Member m = state.member(c.id());
    if (m == null) {
      return null;
    }
    // cheap unweighted overlap first: most candidates share a few common shingles only
    int common = Fingerprint.intersectionSize(fp.set, c.set());
    double plain = (double) common / Math.max(1, Math.min(fp.set.length, c.set().length));
    if (plain < MIN_PLAIN_OVERLAP || !verifier.mayLink(fp.lead, leadWeights, fp.length,
        c.set())) {
      return null;
    }
    double minHashJaccard = Fingerprint.sketchJaccard(fp.sketch, fp.set.length, c.sketch(),
        c.set().length);
    MatchScores s = verifier.verify(fp.lead, fp.length, fp.set, weights, c.lead(), c.length(),
        c.set(), idfOfOther, minHashJaccard,
        sameSource(fp.prepared.article.source(), m.source()));
    return s.linked() ? new Scored(m, s) : null;
  }

  /**
   * Applies the retention window. Evictions happen in steps of a tenth of the window, at points
   * that depend only on the latest published time, so a resumed run evicts exactly as an
   * uninterrupted one.
   */
  private void evictExpired() throws IOException {
    if (config.retention == null || state.latestPublished() == Long.MIN_VALUE) {
      return;
    }
    long window = config.retention.toMillis();
    long step = Math.max(1, window / 10);
    long horizon = Math.floorDiv(state.latestPublished(), step) * step - window;
    if (horizon <= evictedBefore) {
      return;
    }
    evictedBefore = horizon;
    List<String> expired = state.publishedBefore(horizon);
    if (expired.isEmpty()) {
      return;
    }
    refreshLocked();
    for (String id : expired) {
      forget(id);
    }
    refreshLocked();
  }

  /** Makes everything added visible to the Lucene searcher and empties the recent buffer. */
  private void refreshLocked() throws IOException {
    store.refresh();
    recent.clear();
  }

  private static boolean sameSource(String a, String b) {
    return !a.isEmpty() && a.equals(b);
  }

  private record Scored(ClusterState.Member member, MatchScores scores) {}

  /** The cluster to join: needs its representative verified, or two verified members. */
  private Scored chooseCluster(List<Scored> linked) {
    Map<String, List<Scored>> byCluster = new HashMap<>();
    for (Scored s : linked) {
      byCluster.computeIfAbsent(s.member.clusterId(), k -> new ArrayList<>()).add(s);
    }
    Scored best = null;
    for (Map.Entry<String, List<Scored>> e : byCluster.entrySet()) {
      StoryCluster cluster = state.cluster(e.getKey());
      if (cluster == null) {
        continue;
      }
      List<Scored> hits = e.getValue();
      boolean repVerified = hits.stream().anyMatch(s -> s.member.id().equals(cluster.representative()));
      if (!repVerified && hits.size() < 2) {
        continue;
      }
      Scored top = hits.stream().max(Comparator.comparingDouble((Scored s) -> s.scores.score())
          .thenComparing(s -> s.member.id(), Comparator.reverseOrder())).orElseThrow();
      if (best == null || top.scores.score() > best.scores.score()
          || (top.scores.score() == best.scores.score()
              && top.member.clusterId().compareTo(best.member.clusterId()) < 0)) {
        best = top;
      }
    }
    return best;
  }

  /**
   * Up to {@code maxAnchors} shingles of the anchor sample ({@link Fingerprint#sampled}) that at
   * least one indexed article holds by the frequency estimate: the {@link #LEAD_ANCHORS} rarest of
   * the lead window, then the rarest of the whole text.
   */
  private int[] anchors(Fingerprint fp, IntUnaryOperator docFreq, long docCount) {
    long[] lead = rarest(fp.lead, Math.min(fp.lead.length, (int) Math.max(config.leadShingles,
        config.leadFraction * fp.length)), docFreq);
    int fromLead = Math.min(lead.length, Math.min(LEAD_ANCHORS, config.maxAnchors));
    long[] all = rarest(fp.set, fp.set.length, docFreq);
    int[] out = new int[config.maxAnchors];
    int n = 0;
    for (int i = 0; i < fromLead; i++) {
      out[n++] = (int) lead[i];
    }
    int[] fromTheLead = Arrays.copyOf(out, n);
    Arrays.sort(fromTheLead);
    for (int i = 0; i < all.length && n < out.length; i++) {
      if (Arrays.binarySearch(fromTheLead, (int) all[i]) < 0) {
        out[n++] = (int) all[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The distinct sampled shingles among {@code shingles[0, n)} held by 1 to {@link
   * #MAX_ANCHOR_FREQUENCY} articles (by the frequency estimate), rarest first, then by value; each
   * packed as {@code df << 32 | value}.
   */
  private static long[] rarest(int[] shingles, int n, IntUnaryOperator docFreq) {
    long[] packed = new long[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int h = shingles[k];
      if (!Fingerprint.sampled(h)) {
        continue;
      }
      int df = docFreq.applyAsInt(h);
      if (df >= 1 && df <= MAX_ANCHOR_FREQUENCY) {
        packed[m++] = ((long) df << 32) | (h & 0xFFFFFFFFL);
      }
    }
    Arrays.sort(packed, 0, m);
    int d = 0;
    for (int k = 0; k < m; k++) {
      if (k == 0 || packed[k] != packed[k - 1]) {
        packed[d++] = packed[k];
      }
    }
    return Arrays.copyOf(packed, d);
  }


  private void maybeCommit() throws IOException {
    addsSinceCommit++;
    if (config.commitEvery > 0 && addsSinceCommit >= config.commitEvery) {
      commitLocked();
    }
  }

  /** Commits, then empties the recent buffer: a commit leaves only the index's own memory held. */
  private void commitLocked() throws IOException {
    store.commit(frequencies);
    addsSinceCommit = 0;
    refreshLocked();
    recent.release();
  }

  /**
   * Removes an article. Its cluster keeps its id; a cluster left empty disappears.
   *
   * @return whether the article was indexed
   */
  public boolean remove(String articleId) {
    java.util.Objects.requireNonNull(articleId, "articleId");
    return underLock(() -> removeLocked(articleId));
  }

  private boolean removeLocked(String articleId) throws IOException {
    if (state.member(articleId) == null) {
      return false;
    }
    refreshLocked();
    forget(articleId);
    refreshLocked();
    maybeCommit();
    return true;
  }

  /** Deletes an article (visible to the searcher) and takes its shingles out of the frequencies. */
  private void forget(String articleId) throws IOException {
    IndexSearcher searcher = store.acquire();
    try {
      LuceneStore.Candidate c = store.load(searcher, articleId);
      if (c != null) {
        frequencies.add(c.set(), -1);
      }
    } finally {
      store.release(searcher);
    }
    store.delete(articleId);
    state.remove(articleId);
  }

  /** The cluster with this id, if it exists. */
  public Optional<StoryCluster> cluster(String clusterId) {
    java.util.Objects.requireNonNull(clusterId, "clusterId");
    checkOpen();
    return Optional.ofNullable(state.cluster(clusterId));
  }

  /** The cluster an indexed article belongs to, if the article is indexed. */
  public Optional<StoryCluster> clusterOf(String articleId) {
    java.util.Objects.requireNonNull(articleId, "articleId");
    checkOpen();
    ClusterState.Member m = state.member(articleId);
    return m == null ? Optional.empty() : Optional.ofNullable(state.cluster(m.clusterId()));
  }

  /** A snapshot of all clusters, ordered by id. */
  public List<StoryCluster> clusters() {
    checkOpen();
    List<StoryCluster> out = new ArrayList<>(state.clusters());
    out.sort(Comparator.comparing(StoryCluster::id));
    return out;
  }

  /** Number of story clusters. */
  public int clusterCount() {
    checkOpen();
    return state.clusterCount();
  }

  /** Number of indexed articles. */
  public int size() {
    checkOpen();
    return state.articleCount();
  }

  /**
   * Explains how two indexed articles compare: their scores as if the first were added now, and
   * the passages they share.
   *
   * @throws IllegalArgumentException if either id is not indexed
   */
  public PairExplanation explain(String firstId, String secondId) {
    java.util.Objects.requireNonNull(firstId, "firstId");
    java.util.Objects.requireNonNull(secondId, "secondId");
    underLock(() -> {
      refreshLocked();
      return null;
    });
    try {
      IndexSearcher searcher = store.acquire();
      try {
        IndexReader reader = searcher.getIndexReader();
        LuceneStore.Candidate a = store.load(searcher, firstId);
        LuceneStore.Candidate b = store.load(searcher, secondId);
        checkArgument(a != null, "article %s is not indexed", firstId);
        checkArgument(b != null, "article %s is not indexed", secondId);
        long docCount = state.articleCount();
        double[] weightsA = new double[a.set().length];
        for (int i = 0; i < weightsA.length; i++) {
          weightsA[i] = Verifier.idf(docCount, frequencies.estimate(a.set()[i]));
        }
        MatchScores s = verifier.verify(a.lead(), a.length(), a.set(), weightsA, b.lead(),
            b.length(), b.set(), h -> Verifier.idf(docCount, frequencies.estimate(h)),
            Fingerprint.sketchJaccard(a.sketch(), a.set().length, b.sketch(), b.set().length),
            sameSource(state.member(firstId).source(), state.member(secondId).source()));
        List<String> passages = Passages.shared(store.text(searcher, firstId), b.set(),
            config.shingleSize, 10);
        String reason = reason(s);
        return new PairExplanation(firstId, secondId, s, passages, reason);
      } finally {
        store.release(searcher);
      }
    } catch (IOException e) {
      throw StoryClustersException.of("index at " + store.path(), e);
    }
  }

  private String reason(MatchScores s) {
    if (s.linked()) {
      return String.format(java.util.Locale.ROOT,
          "copies: weighted containment %.3f >= %.3f and both texts share their lead", s.score(),
          config.minScore);
    }
    if (s.score() < config.minScore) {
      return String.format(java.util.Locale.ROOT,
          "not copies: weighted containment %.3f < %.3f", s.score(), config.minScore);
    }
    return String.format(java.util.Locale.ROOT,
        "not copies: containment %.3f is enough but the texts do not share their leads (at least"
            + " %.2f of each lead window; first shared run at shingle %d and %d) or a text is"
            + " under %d shingles",
        s.score(), config.minLeadShare, s.leadOfNew(), s.leadOfMatch(), config.minShingles);
  }

  /** Makes every add so far durable. */
  public void commit() {
    underLock(() -> {
      commitLocked();
      return null;
    });
  }

  /** Commits and releases the index. Idempotent: a second call does nothing. */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed.compareAndSet(false, true)) {
        try {
          store.commit(frequencies);
        } finally {
          store.close();
        }
      }
    } catch (IOException e) {
      throw StoryClustersException.of("closing index at " + store.path(), e);
    } finally {
      writeLock.unlock();
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new StoryClustersException("this StoryClusters is closed");
    }
  }

  /** The LSH banding in use (derived from the signature size and {@link Builder#lshThreshold}). */
  public LshPlan lshPlan() {
    return plan;
  }

  /**
   * Configuration of a {@link StoryClusters}. Every default works for news without tuning; the
   * quality defaults were chosen by measurement on labelled news (README, Quality section). Not
   * thread-safe; {@link #build()} copies it.
   */
  public static final class Builder {
    private Path directory;
    private int shingleSize = 2;
    private int signatureSize = 128;
    private long seed = 0x53544F5259L;
    private MinHasher.Scheme scheme = MinHasher.Scheme.ONE_PERMUTATION;
    private double lshThreshold = 0.5;
    private double minScore = 0.15;
    private double minScoreSameSource = 0.5;
    private int leadShingles = 50;
    private double leadFraction = 0.15;
    private double minLeadShare = 0.25;
    private int minShingles = 10;
    private int maxTextChars = 1_000_000;
    private int maxShingles = 20_000;
    private int maxCandidates = 24;
    private int maxAnchors = 64;
    private boolean boilerplate = true;
    private boolean title = true;
    private int commitEvery = 0;
    private java.time.Duration retention;
    private int frequencyBits = 22;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.directory = directory;
      b.shingleSize = shingleSize;
      b.signatureSize = signatureSize;
      b.seed = seed;
      b.scheme = scheme;
      b.lshThreshold = lshThreshold;
      b.minScore = minScore;
      b.minScoreSameSource = minScoreSameSource;
      b.leadShingles = leadShingles;
      b.leadFraction = leadFraction;
      b.minLeadShare = minLeadShare;
      b.minShingles = minShingles;
      b.maxTextChars = maxTextChars;
      b.maxShingles = maxShingles;
      b.maxCandidates = maxCandidates;
      b.maxAnchors = maxAnchors;
      b.boilerplate = boilerplate;
      b.title = title;
      b.commitEvery = commitEvery;
      b.retention = retention;
      b.frequencyBits = frequencyBits;
      return b;
    }

    /** Index folder on disk (created if missing); default null: an in-memory index. */
    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /**
     * Words per shingle; default 2. Newspapers trim and rewrite agency copy, so longer shingles
     * break: on the COUNTER development data word 2-shingles separated copies from independent
     * reports best once weighted by IDF. Recorded in the index.
     */
    public Builder shingleSize(int shingleSize) {
      checkArgument(shingleSize >= 1 && shingleSize <= 16,
          "shingleSize must be between 1 and 16, got %s", shingleSize);
      this.shingleSize = shingleSize;
      return this;
    }

    /**
     * Whether the title is fingerprinted as the text's first line; default true. Copies often move
     * the lead sentence into a headline or standfirst (a newspaper's title that carries the agency
     * copy's first sentence), and then the two texts share their lead only through it: on the
     * COUNTER development data, wholly derived pairs linked 0.797 → 0.884. A title the text
     * already begins with is not added twice. Recorded in the index.
     */
    public Builder fingerprintTitle(boolean title) {
      this.title = title;
      return this;
    }

    /** MinHash values per signature; default 128 (standard error of a Jaccard estimate ≤ 0.044). */
    public Builder signatureSize(int k) {
      checkArgument(k >= 8 && k <= 4096, "signatureSize must be between 8 and 4096, got %s", k);
      this.signatureSize = k;
      return this;
    }

    /** Hash seed of the MinHash; default 0x53544F5259 ("STORY"). Recorded in the index. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** MinHash scheme; default one-permutation hashing (one hash per shingle). */
    public Builder scheme(MinHasher.Scheme scheme) {
      this.scheme = java.util.Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * Jaccard similarity at which LSH band keys make near-duplicates candidates; default 0.5.
     * Lower-similarity copies are found through shared rare shingles instead.
     */
    public Builder lshThreshold(double threshold) {
      checkArgument(threshold > 0 && threshold < 1, "lshThreshold must be in (0, 1), got %s",
          threshold);
      this.lshThreshold = threshold;
      return this;
    }

    /**
     * Minimum weighted containment for two texts to be copies; default 0.15. The lead rule ({@link
     * #minLeadShare}) carries most of the decision; this keeps pairs that share only their leads
     * apart.
     */
    public Builder minScore(double minScore) {
      checkArgument(minScore > 0 && minScore <= 1, "minScore must be in (0, 1], got %s", minScore);
      this.minScore = minScore;
      return this;
    }

    /**
     * Minimum weighted containment for two articles of the same named source; default 0.5. One
     * publisher's own articles share datelines, house style and recurring formulas (daily market
     * reports, match reports of one series) without being copies of each other; on the COUNTER
     * development data most false links were such same-agency pairs.
     */
    public Builder minScoreSameSource(double minScore) {
      checkArgument(minScore > 0 && minScore <= 1, "minScoreSameSource must be in (0, 1], got %s",
          minScore);
      this.minScoreSameSource = minScore;
      return this;
    }

    /**
     * Lead window: the shared text must start within the first {@code max(shingles, fraction *
     * length)} shingles of both texts; default 50 shingles and 0.15. The index keeps the first
     * {@code max(128, 0.3 * length)} shingles of each text in order, so {@code shingles} is at most
     * 128 and {@code fraction} at most 0.3.
     *
     * @throws IllegalArgumentException if a value is out of those ranges
     */
    public Builder leadWindow(int shingles, double fraction) {
      checkArgument(shingles >= 0 && shingles <= Fingerprint.LEAD_SHINGLES,
          "lead shingles must be in [0, %s] (the index keeps each text's lead up to there), got %s",
          Fingerprint.LEAD_SHINGLES, shingles);
      checkArgument(fraction >= 0 && fraction <= Fingerprint.LEAD_FRACTION,
          "lead fraction must be in [0, %s] (the index keeps each text's lead up to there), got %s",
          Fingerprint.LEAD_FRACTION, fraction);
      this.leadShingles = shingles;
      this.leadFraction = fraction;
      return this;
    }

    /**
     * Share of each text's lead window (IDF-weighted) that must occur in the other; default 0.25.
     */
    public Builder minLeadShare(double share) {
      checkArgument(share >= 0 && share <= 1, "minLeadShare must be in [0, 1], got %s", share);
      this.minLeadShare = share;
      return this;
    }

    /**
     * Texts with fewer distinct shingles never match anything (they form clusters of their own):
     * default 10, about a sentence, so that empty and very short texts never match by accident.
     */
    public Builder minShingles(int minShingles) {
      checkArgument(minShingles >= 1, "minShingles must be >= 1, got %s", minShingles);
      this.minShingles = minShingles;
      return this;
    }

    /**
     * Only the first this many chars of a text are fingerprinted; default 1,000,000. Bounds the
     * memory of one add whatever the input size.
     */
    public Builder maxTextChars(int maxTextChars) {
      checkArgument(maxTextChars >= 1, "maxTextChars must be >= 1, got %s", maxTextChars);
      this.maxTextChars = maxTextChars;
      return this;
    }

    /** At most this many shingles of a text are kept (in text order); default 20,000. */
    public Builder maxShingles(int maxShingles) {
      checkArgument(maxShingles >= 1, "maxShingles must be >= 1, got %s", maxShingles);
      this.maxShingles = maxShingles;
      return this;
    }

    /** Candidates verified per add; default 24. */
    public Builder maxCandidates(int maxCandidates) {
      checkArgument(maxCandidates >= 1, "maxCandidates must be >= 1, got %s", maxCandidates);
      this.maxCandidates = maxCandidates;
      return this;
    }

    /** Rare shingles queried per add to find containment candidates; default 64. */
    public Builder maxAnchors(int maxAnchors) {
      checkArgument(maxAnchors >= 0 && maxAnchors <= 512,
          "maxAnchors must be between 0 and 512, got %s", maxAnchors);
      this.maxAnchors = maxAnchors;
      return this;
    }

    /** Whether recurring lines of a source are removed before fingerprinting; default true. */
    public Builder boilerplate(boolean enabled) {
      this.boilerplate = enabled;
      return this;
    }

    /** Commit after every this many adds or removes; default 0: only on commit() and close(). */
    public Builder commitEvery(int adds) {
      checkArgument(adds >= 0, "commitEvery must be >= 0, got %s", adds);
      this.commitEvery = adds;
      return this;
    }

    /**
     * Retention window, default null: keep everything. With a window W, articles published more
     * than W before the latest published time seen are evicted from the index (in steps of W/10),
     * so a long-running service stays bounded. Clusters keep their ids while any member remains; a
     * cluster whose members are all evicted disappears, and a later copy starts a new cluster.
     * Articles without a published time are never evicted.
     */
    public Builder retention(java.time.Duration window) {
      checkArgument(window == null || (!window.isNegative() && !window.isZero()),
          "retention must be positive, got %s", window);
      this.retention = window;
      return this;
    }

    /**
     * Size of the in-memory shingle frequency table (a count-min sketch): {@code 2^bits} counters
     * per row, two rows of 16 bits, so {@code 2^(bits+2)} bytes; default 22 (16 MiB). Larger
     * tables keep IDF weights exact for larger corpora (roughly, up to {@code 2^bits / 8}
     * articles); rebuilt from the index on open, so it may change between runs.
     */
    public Builder frequencyBits(int bits) {
      checkArgument(bits >= 10 && bits <= 28, "frequencyBits must be between 10 and 28, got %s",
          bits);
      this.frequencyBits = bits;
      return this;
    }

    /**
     * Opens (or creates) the index and loads its clusters.
     *
     * @throws SettingsMismatchException if an existing index has other settings
     * @throws StoryClustersException if the index cannot be opened or is corrupted
     */
    public StoryClusters build() {
      return new StoryClusters(this);
    }
  }
}
