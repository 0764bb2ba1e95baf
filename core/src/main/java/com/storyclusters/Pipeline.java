package com.storyclusters;

import com.carrotsearch.hppc.LongIntHashMap;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import com.storyclusters.boilerplate.LineCounts;
import com.storyclusters.boilerplate.LineStatistics;
import com.storyclusters.boilerplate.LineStories;
import com.storyclusters.cluster.Assigner;
import com.storyclusters.cluster.CandidateIndex;
import com.storyclusters.cluster.CandidateSource;
import com.storyclusters.cluster.ClusterRule;
import com.storyclusters.cluster.ClusterState;
import com.storyclusters.cluster.Epochs;
import com.storyclusters.cluster.Evidence;
import com.storyclusters.cluster.PairScorer;
import com.storyclusters.cluster.Parallel;
import com.storyclusters.cluster.ShingleFrequencies;
import com.storyclusters.cluster.Statistics;
import com.storyclusters.fingerprint.Fingerprint;
import com.storyclusters.fingerprint.Prepared;
import com.storyclusters.index.IndexSettings;
import com.storyclusters.index.IndexSnapshot;
import com.storyclusters.index.LuceneStore;
import com.storyclusters.minhash.MinHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The stages of a {@link StoryClusters}, wired: the index, the cluster state, the statistics, the
 * candidate index and the assigner, and the few steps that touch several of them (a batch segment,
 * a delete, a commit, the retention window). Every method expects the facade's lock held.
 */
final class Pipeline {
  final Settings settings;
  final PairScorer scorer;
  private final Assigner assigner;
  final LuceneStore store;
  final ClusterState state;
  final Statistics stats;
  final CandidateIndex candidates;
  /**
   * Ids added since the index's searcher was last refreshed, with their assignments: an unchanged
   * re-add of one is answered from here, as the index records it; another read by id of one (a
   * delete, an explanation) refreshes the searcher first; other ids are read from the snapshot
   * as it is. So a feed that re-sends articles does not flush a segment per repeat.
   */
  private final Map<String, Assignment> unrefreshed = new HashMap<>();
  /** Unrefreshed ids tracked at most; past this the searcher is refreshed (bounds the set). */
  private static final int MAX_UNREFRESHED = 1 << 16;
  private final Interner<String> sources = Interners.newStrongInterner();
  private long addsSinceCommit;
  /** Articles published before this were evicted by the retention window. */
  private long evictedBefore = Long.MIN_VALUE;
  /**
   * On open: the latest published time among the articles before the current epoch's start, which
   * the run that added them read at the last eviction it made (at that boundary).
   */
  private long latestAtEpochStart = Long.MIN_VALUE;

  Pipeline(Settings s) {
    this.settings = s;
    MinHasher hasher = new MinHasher(s.signatureSize(), s.seed(), s.scheme());
    this.scorer = new PairScorer(s.minScore(), s.minScoreSameSource(), s.leadShingles(),
        s.leadFraction(), s.minLeadShare(), s.minShingles(), s.maxAnchors(),
        s.minContainmentOfNew(), s.minLeadVerbatim());
    this.assigner = new Assigner(scorer, hasher, s.maxShingles(), s.boilerplate(),
        s.maxCandidates());
    this.store = LuceneStore.open(s.directory(), new IndexSettings(s.shingleSize(),
        s.signatureSize(), s.seed(), s.scheme(), s.fingerprintTitle(), s.storeText()),
        s.readOnly());
    this.state = new ClusterState(s.retention() != null);
    CandidateIndex index = null;
    try {
      index = candidateIndex(s, scorer);
    } catch (IOException e) {
      rollbackAfter(e);
      throw StoryClustersException.of(store.path(), e);
    }
    this.candidates = index;
    try {
      this.stats = load();
      long[] retained = store.retention();
      if (retained != null && s.retention() != null) {
        // the run that wrote the index had evicted up to here, and goes on from its latest time
        // (which counts removed articles too): nothing to evict now
        evictedBefore = retained[0];
        state.seenPublished(retained[1]);
      } else if (!s.readOnly()) { // read-only: the articles of the last commit, as they are
        // an index from before the state was recorded (or a window new to it): evict as the run
        // that added the articles last did, at the current epoch's start
        evictExpired(latestAtEpochStart);
      }
    } catch (IOException e) {
      rollbackAfter(e);
      throw StoryClustersException.of(store.path(), e);
    } catch (RuntimeException | Error e) {
      rollbackAfter(e);
      throw e;
    }
  }

  /**
   * The candidate index: its evidence in a scratch file beside the index's files, mapped into
   * memory (so that it lives in the page cache, not the heap), when the index is a folder opened
   * for writing; on the heap otherwise (an in-memory index, or a read-only open, which writes
   * nothing to the folder).
   */
  private static CandidateIndex candidateIndex(Settings s, PairScorer scorer) throws IOException {
    if (s.directory() == null || s.readOnly()) {
      return new CandidateIndex(scorer::heldKeys);
    }
    return new CandidateIndex(scorer::heldKeys, s.directory().resolve(EVIDENCE_SCRATCH));
  }

  /** The candidate index's scratch file in the index folder (unlinked at once where possible). */
  static final String EVIDENCE_SCRATCH = "storyclusters-evidence.scratch";

  /** Releases the index and the candidate index's evidence. */
  void close() throws IOException {
    try {
      store.close();
    } finally {
      candidates.close();
    }
  }

  /** Releases the index (its lock included) after a failed open. */
  private void rollbackAfter(Throwable failure) {
    if (candidates != null) {
      candidates.close();
    }
    try {
      store.rollback();
    } catch (IOException | RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * Rebuilds the cluster state, the candidate index and the statistics of the current epoch from
   * the index: articles before the epoch's start are counted, later ones pending; the frequency
   * table saved with the commit is used when it is there and sound, brought up to date with the
   * sets of the articles added after it, else rebuilt from all the sets.
   */
  private Statistics load() throws IOException {
    long position = store.committedPosition();
    long epochStart = Epochs.start(position);
    ShingleFrequencies saved = store.storedFrequencies(settings.frequencyBits());
    long savedAt = saved == null ? 0 : store.storedFrequenciesAt();
    ShingleFrequencies frequencies = saved != null ? saved
        : new ShingleFrequencies(settings.frequencyBits());
    LineStatistics lines = new LineStatistics();
    LineStories stories = new LineStories();
    // the articles visited so far that carry each story-counted key in their source (for the
    // story counts)
    LongIntHashMap storyKeysSeen = new LongIntHashMap();
    long[] counted = {0};
    List<Object[]> pending = new ArrayList<>();
    // the candidate index takes the evidence in chunks, so that an open holds one chunk of it
    List<Evidence> held = new ArrayList<>();
    try (IndexSnapshot snap = store.snapshot();
        Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
      snap.visit(sources, (m, pos, evidence, keys, storyKeys) -> {
        state.put(m);
        stories.add(storyKeys, LineStories.story(m.clusterId()), storyKeysSeen::get);
        for (long k : storyKeys) {
          storyKeysSeen.addTo(k, 1);
        }
        held.add(evidence);
        if (held.size() == OPEN_CHUNK) {
          addHeld(held, workers);
        }
        if (pos < epochStart) {
          if (m.published() != Long.MAX_VALUE) { // undated: no time (ClusterState)
            latestAtEpochStart = Math.max(latestAtEpochStart, m.published());
          }
          lines.add(keys, 1);
          counted[0]++;
          if (pos >= savedAt) { // after the saved table: replayed
            frequencies.add(evidence.set(), 1);
          }
        } else {
          pending.add(new Object[] {m.id(), evidence.set(), keys});
        }
      });
      addHeld(held, workers);
      candidates.trim();
    }
    Statistics s = new Statistics(frequencies, lines, stories, counted[0], position);
    for (Object[] p : pending) {
      s.pendingOnOpen((String) p[0], (int[]) p[1], (long[]) p[2]);
    }
    return s;
  }

  /** Articles read into the candidate index at a time on open. */
  private static final int OPEN_CHUNK = 4096;

  /** Adds the articles read so far to the candidate index, in order, and empties the list. */
  private void addHeld(List<Evidence> held, Workers workers) {
    candidates.addAll(held.toArray(new Evidence[0]), workers);
    held.clear();
  }

  /** An indexed article's assignment as the index records it (null: not indexed). */
  Assignment recorded(String id) throws IOException {
    ClusterState.Member m = state.member(id);
    return m == null ? null : recorded(id, m);
  }

  private Assignment recorded(String id, ClusterState.Member existing) throws IOException {
    Assignment recent = unrefreshed.get(id);
    if (recent != null) { // as IndexSnapshot.recorded reads it back: lines only with text
      return new Assignment(id, existing.clusterId(), false, true, recent.bestMatch(),
          recent.scores(), store.storesText() ? recent.boilerplate() : List.of());
    }
    try (IndexSnapshot snap = store.snapshot()) {
      return snap.recorded(id, existing.clusterId());
    }
  }

  Prepared prepare(Article article) {
    return Prepared.of(article, settings.shingleSize(), settings.maxTextChars(),
        settings.fingerprintTitle());
  }

  /**
   * Assigns the batch segment starting at {@code from}: an unchanged re-add alone, else the
   * articles up to the next statistics epoch boundary, the next id already indexed or repeated,
   * or the next article whose boilerplate awaits the stories of the segment's earlier ones
   * ({@link Assigner#lineCounts}); an update's old version is removed first. Returns where the
   * next segment starts.
   */
  int segment(Prepared[] p, int from, List<Assignment> out, Workers workers) throws IOException {
    String firstId = p[from].article.id();
    ClusterState.Member existing = state.member(firstId);
    if (existing != null) {
      if (existing.textHash() == p[from].textHash) {
        out.add(recorded(firstId, existing));
        return from + 1;
      }
      forget(List.of(firstId));
    }
    long position = stats.position();
    int end = (int) Math.min(p.length, from + Epochs.nextBoundary(position) - position);
    Set<String> ids = new HashSet<>(List.of(firstId));
    for (int k = from + 1; k < end; k++) {
      String id = p[k].article.id();
      if (state.member(id) != null || !ids.add(id)) {
        end = k;
      }
    }
    int before = candidates.size();
    LineCounts[] lineCounts = assigner.lineCounts(Arrays.copyOfRange(p, from, end), stats);
    end = from + lineCounts.length; // earlier if an article's boilerplate awaits their stories
    Fingerprint[] fps = new Fingerprint[end - from];
    LuceneStore.Draft[] drafts = new LuceneStore.Draft[fps.length];
    workers.run(fps.length, k -> {
      fps[k] = assigner.fingerprint(p[from + k], lineCounts[k]);
      drafts[k] = store.draft(fps[k], position + k); // positions advance by one per add
    });
    int[][] recentCounts = Assigner.recentCounts(fps, stats, workers);
    Map<String, String> segmentSources = new HashMap<>();
    String[] segmentIds = new String[fps.length];
    for (int k = 0; k < fps.length; k++) {
      segmentIds[k] = p[from + k].article.id();
      segmentSources.put(segmentIds[k], p[from + k].article.source());
    }
    // the segment's articles, as candidates of later ones
    candidates.addAll(segmentIds, fps, workers);
    Function<String, String> sourceOf = id -> {
      ClusterState.Member m = state.member(id);
      return m != null ? m.source() : segmentSources.get(id);
    };
    Assigner.Scoring[] scored = new Assigner.Scoring[fps.length];
    workers.run(scored.length, k -> {
      try {
        scored[k] = assigner.score(p[from + k], fps[k], recentCounts[k],
            stats.pendingSize() + k, stats, sourceOf, candidates.view(before + k), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    CandidateSource all = candidates.view(candidates.size());
    for (int k = 0; k < scored.length; k++) {
      out.add(apply(p[from + k], drafts[k], assigner.decide(scored[k], all, state, null),
          workers));
    }
    return end;
  }

  /** Records a decision: the index, the clusters, the statistics (the candidate index has it). */
  private Assignment apply(Prepared p, LuceneStore.Draft draft, Assigner.Decision d,
      Parallel workers) throws IOException {
    ClusterRule.Scored best = d.best();
    String clusterId = best == null ? ClusterRule.newClusterId(p.article.id(), state)
        : best.member().clusterId();
    return apply(p, draft, d.fp(), clusterId, best == null ? null : best.member().id(),
        best == null ? null : best.scores(), workers);
  }

  private Assignment apply(Prepared p, LuceneStore.Draft draft, Fingerprint fp, String clusterId,
      String bestMatch, MatchScores scores, Parallel workers) throws IOException {
    Article a = p.article;
    ClusterState.Member member = new ClusterState.Member(a.id(), sources.intern(a.source()),
        clusterId, a.published().map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE),
        p.textHash);
    store.add(draft, clusterId, bestMatch, scores);
    Assignment assigned = new Assignment(a.id(), clusterId, bestMatch == null, false,
        Optional.ofNullable(bestMatch), Optional.ofNullable(scores), fp.removed);
    unrefreshed.put(a.id(), assigned);
    if (unrefreshed.size() > MAX_UNREFRESHED) {
      refresh();
    }
    state.put(member);
    if (stats.added(a.id(), fp.set, p.countedLineKeys, p.storyLineKeys,
        LineStories.story(clusterId), workers)) {
      evictExpired(state.latestPublished()); // at epoch boundaries, which end segments
    }
    countChange();
    return assigned;
  }

  /**
   * Records a new article with an assignment decided elsewhere, as {@link #segment} records the
   * one it decides: fingerprinted under the statistics now, then indexed, added to the clusters,
   * the candidates and the statistics. Nothing is scored.
   *
   * @throws IllegalArgumentException if the id is indexed already
   */
  Assignment record(Prepared p, Assignment decided, Parallel workers) throws IOException {
    String id = p.article.id();
    if (state.member(id) != null) {
      throw new IllegalArgumentException("article " + id + " is indexed already");
    }
    Fingerprint fp = assigner.fingerprint(p, assigner.lineCounts(new Prepared[] {p}, stats)[0]);
    LuceneStore.Draft draft = store.draft(fp, stats.position());
    candidates.addAll(new String[] {id}, new Fingerprint[] {fp}, workers);
    return apply(p, draft, fp, decided.clusterId(), decided.bestMatch().orElse(null),
        decided.scores().orElse(null), workers);
  }

  /** What {@code p} would join now, without adding it. */
  Optional<Assignment> match(Prepared p) throws IOException {
    String id = p.article.id();
    CandidateSource all = candidates.view(candidates.size());
    Fingerprint fp = assigner.fingerprint(p, assigner.lineCounts(new Prepared[] {p}, stats)[0]);
    Function<String, String> sourceOf = m -> state.member(m) == null ? null
        : state.member(m).source();
    int[] recent = Assigner.recentCounts(new Fingerprint[] {fp}, stats, Parallel.SERIAL)[0];
    Assigner.Decision d = assigner.decide(assigner.score(p, fp, recent, stats.pendingSize(),
        stats, sourceOf, all, id), all, state, id);
    ClusterRule.Scored best = d.best();
    return best == null ? Optional.empty() : Optional.of(new Assignment(id,
        best.member().clusterId(), false, false, Optional.of(best.member().id()),
        Optional.of(best.scores()), d.fp().removed));
  }

  /** Removes an indexed article; false if it is not indexed. */
  boolean remove(String id) throws IOException {
    if (state.member(id) == null) {
      return false;
    }
    forget(List.of(id));
    countChange();
    return true;
  }

  /** Deletes articles from the index, the statistics and the clusters. */
  private void forget(List<String> ids) throws IOException {
    try (IndexSnapshot snap = snapshotFor(ids)) {
      for (String id : ids) {
        IndexSnapshot.Counted c = snap.counted(id);
        if (c != null) {
          stats.deleted(id, c.set(), c.lineKeys(), c.storyLineKeys(),
              LineStories.story(state.member(id).clusterId()));
        }
        store.delete(id);
        candidates.remove(id);
        state.remove(id);
      }
    }
  }

  /**
   * Applies the retention window, in steps of a tenth of it, at points that depend only on the
   * latest published time: so a resumed run evicts exactly as an uninterrupted one.
   */
  private void evictExpired(long latestPublished) throws IOException {
    if (settings.retention() == null || latestPublished == Long.MIN_VALUE) {
      return;
    }
    long window = settings.retention().toMillis();
    long step = Math.max(1, window / 10);
    long horizon = Math.floorDiv(latestPublished, step) * step - window;
    if (horizon <= evictedBefore) {
      return;
    }
    evictedBefore = horizon;
    List<String> expired = state.publishedBefore(horizon);
    if (!expired.isEmpty()) {
      forget(expired);
    }
  }

  /** The scores of two indexed articles and their shared passages. */
  PairExplanation explain(String firstId, String secondId) throws IOException {
    try (IndexSnapshot snap = snapshotFor(List.of(firstId, secondId))) {
      Evidence a = candidates.evidence(firstId);
      Evidence b = candidates.evidence(secondId);
      com.google.common.base.Preconditions.checkArgument(a != null, "article %s is not indexed",
          firstId);
      com.google.common.base.Preconditions.checkArgument(b != null, "article %s is not indexed",
          secondId);
      // the pair that decided the first article's cluster: the scores its assignment used
      Assignment recorded = recorded(firstId);
      MatchScores s = recorded != null && recorded.bestMatch().filter(secondId::equals).isPresent()
          && recorded.scores().isPresent() ? recorded.scores().get()
          : scorer.scores(scorer.query(a, state.member(firstId).source(), stats.frequencies(),
              stats.docCount(), null, 0, null), b, state.member(secondId).source());
      List<String> passages = Passages.shared(snap.text(firstId), b.set(),
          settings.shingleSize(), 10);
      boolean sameSource = PairScorer.sameSource(state.member(firstId).source(),
          state.member(secondId).source());
      return new PairExplanation(firstId, secondId, s, passages,
          Passages.reason(s, settings, sameSource));
    }
  }

  /** The stored fingerprinted text of an article; null if not indexed or not stored. */
  String text(String id) throws IOException {
    try (IndexSnapshot snap = snapshotFor(List.of(id))) {
      return snap.text(id);
    }
  }

  private void countChange() throws IOException {
    if (settings.commitEvery() > 0 && ++addsSinceCommit >= settings.commitEvery()) {
      commit();
    }
  }

  /** Commits the index with the position reached and the statistics of the current epoch. */
  void commit() throws IOException {
    commit(null);
  }

  /** {@link #commit()}, recording the caller's checkpoint (null: none) with it. */
  void commit(String checkpoint) throws IOException {
    store.commit(stats.position(), stats.frequencies(), stats.frozenAt(),
        stats.deletedSinceSave(), checkpoint, settings.retention() == null ? null
            : new long[] {evictedBefore, state.latestPublished()});
    stats.saved();
    addsSinceCommit = 0;
  }

  /** Makes every add visible to the index's searcher (a new reader; held memory shrinks). */
  void refresh() throws IOException {
    store.refresh();
    unrefreshed.clear();
  }

  /** A snapshot in which the live documents of {@code ids} are visible (refreshing if needed). */
  private IndexSnapshot snapshotFor(List<String> ids) throws IOException {
    for (String id : ids) {
      if (unrefreshed.containsKey(id)) {
        refresh();
        break;
      }
    }
    return store.snapshot();
  }
}
