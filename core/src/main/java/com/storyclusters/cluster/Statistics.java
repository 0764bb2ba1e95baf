package com.storyclusters.cluster;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.storyclusters.boilerplate.LineStatistics;
import com.storyclusters.boilerplate.LineStories;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics that decisions read: shingle document frequencies (IDF weights, anchors) and the
 * article count frozen by {@link Epochs epoch}, with the epoch's pending adds counted apart
 * ({@link #pendingCount}, {@link #pendingSize}); per-source line counts (boilerplate), frozen
 * likewise but read with the pending adds ({@link #lineCount}); how many different stories of a
 * source carry a line, exact over the decided articles ({@link #stories}).
 * An add is pending until the next epoch boundary ({@link #advance}), then counted; a delete
 * (update, remove, eviction) is counted at once, and those happen only between batch segments, in
 * input order. So what an article sees depends only on its input position and the operations
 * before it: never on batching, threads, buffer refreshes, segment merges or where a crash fell.
 *
 * <p>Not thread-safe for writes (the facade's lock); reads ({@link #frequencies}, {@link #lines},
 * {@link #docCount}) are safe while no thread writes.
 */
public final class Statistics {
  /** An add waiting for the next boundary. */
  private record Pending(int[] set, long[] lineKeys) {}

  private final ShingleFrequencies frequencies;
  private final LineStatistics lines;
  private final LineStories stories;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  /**
   * How many pending adds hold each shingle (see {@link #pendingCount}), counting the first {@link
   * #countedPending} of {@link #pendingSets}; brought up to date when read. A batch segment
   * usually starts an epoch, with nothing pending, and its adds are pending only until the next
   * segment crosses the boundary: counting them as they are made would be work for nothing, while
   * one-by-one adds count one set per read. Null: rebuilt from all pending adds (after a delete).
   */
  private IntIntHashMap pendingShingles;
  private final java.util.ArrayList<int[]> pendingSets = new java.util.ArrayList<>();
  private int countedPending;
  /** How many pending adds carry each line key (see {@link #lineCount}). */
  private final LongIntHashMap pendingLines = new LongIntHashMap();
  private long docCount;
  private long position;
  /** Indexed articles' weight sums under the frozen table, by id (see {@link #totals}). */
  private final Map<String, Double> totals = new java.util.concurrent.ConcurrentHashMap<>();
  /** Whether a delete changed the frozen table since it was last saved (see {@link #saved}). */
  private boolean deletedSinceSave;

  /**
   * @param stories the stories of every indexed article, pending ones included (exact, not
   *     frozen: see {@link #stories})
   */
  public Statistics(ShingleFrequencies frequencies, LineStatistics lines, LineStories stories,
      long docCount, long position) {
    this.frequencies = frequencies;
    this.lines = lines;
    this.stories = stories;
    this.docCount = docCount;
    this.position = position;
  }

  /** Shingle document frequencies as of the current epoch's start. */
  public ShingleFrequencies frequencies() {
    return frequencies;
  }

  /** Articles counted as of the current epoch's start. */
  public long docCount() {
    return docCount;
  }

  /** Adds so far: the position of the next add. */
  public long position() {
    return position;
  }

  /**
   * A cache of indexed articles' weight sums as the other text of a pair ({@link
   * PairScorer#query}), valid while the frozen table and article count stand: emptied whenever
   * they change. Safe for concurrent use.
   */
  public Map<String, Double> totals() {
    return totals;
  }

  /** The position where the frozen table's epoch starts: it counts the adds before it. */
  public long frozenAt() {
    return Epochs.start(position);
  }

  /**
   * Whether the frozen table must be saved with the next commit: a delete took something out of
   * it, which the adds in the index cannot replay. Otherwise a table saved at an earlier epoch is
   * brought up to date on open from the sets of the articles added since.
   */
  public boolean deletedSinceSave() {
    return deletedSinceSave;
  }

  /** Records that the frozen table was saved. */
  public void saved() {
    deletedSinceSave = false;
  }

  /**
   * Records an add at the current position, of story {@code story} ({@link LineStories#story})
   * carrying the lines with keys {@code storyLineKeys} in its source that the story counts count
   * ({@code Prepared#storyLineKeys});
   * at an epoch boundary, counts every pending add (the
   * frequency table's rows on {@code parallel}'s tasks).
   *
   * @return whether an epoch boundary was crossed (the caller applies its retention window there)
   */
  public boolean added(String id, int[] set, long[] lineKeys, long[] storyLineKeys, long story,
      Parallel parallel) {
    stories.add(storyLineKeys, story, this::lineCount); // before pend counts this article
    pend(id, set, lineKeys);
    position++;
    if (Epochs.isBoundary(position)) {
      advance(parallel);
      return true;
    }
    return false;
  }

  /** Re-records an add found in the index after the current epoch's start (on open). */
  public void pendingOnOpen(String id, int[] set, long[] lineKeys) {
    pend(id, set, lineKeys);
  }

  private void pend(String id, int[] set, long[] lineKeys) {
    pending.put(id, new Pending(set, lineKeys));
    pendingSets.add(set);
    countLines(lineKeys, 1);
  }

  private void countLines(long[] keys, int delta) {
    for (long k : keys) {
      if (pendingLines.addTo(k, delta) == 0) {
        pendingLines.remove(k);
      }
    }
  }

  /**
   * How many indexed articles carry a line key (in a source or in all, {@code LineKeys}): the
   * frozen counts and the pending adds.
   * Boilerplate needs no epoch: a line's count is read for a few lines per article, so the counts
   * up to each article are cheap to give exactly (the segment's own earlier articles are added by
   * the caller, in input order).
   */
  public int lineCount(long key) {
    return lines.count(key) + pendingLines.get(key);
  }

  /**
   * How many different stories of its source's indexed articles carry a line key in that source:
   * exact, every indexed article counted in the story it was assigned. An article's story is
   * known only once it is decided, so a batch segment ends before an article whose boilerplate
   * would depend on the story of one of the segment's earlier articles ({@code Assigner#lineCounts}).
   */
  public int stories(long sourceLineKey) {
    return stories.stories(sourceLineKey, lineCount(sourceLineKey));
  }

  /**
   * How many pending adds (of the current epoch, not yet in {@link #frequencies}) hold a shingle.
   * A new article's own weights and anchors read its shingles' frequencies with these counts
   * (cheap: one look-up per shingle of one text), so a copy finds an original that arrived in its
   * own epoch and weighs its shingles as one-by-one adds would; only the shingles of the other
   * text of a pair are weighed by the frozen table. Not safe for concurrent use (it may count the
   * pending adds first): read by the writer, under the facade's lock; {@link #pendingCounts} is
   * the view for many threads.
   */
  public int pendingCount(int h) {
    countPending();
    return pendingShingles.get(h);
  }

  /**
   * {@link #pendingCount} as a read-only view, counted up to date first: safe from many threads
   * until the next write.
   */
  public java.util.function.IntUnaryOperator pendingCounts() {
    countPending();
    IntIntHashMap counted = pendingShingles;
    return counted::get;
  }

  private void countPending() {
    if (pendingShingles == null) {
      pendingSets.clear();
      for (Pending p : pending.values()) {
        pendingSets.add(p.set);
      }
      pendingShingles = new IntIntHashMap();
      countedPending = 0;
    }
    for (; countedPending < pendingSets.size(); countedPending++) {
      for (int s : pendingSets.get(countedPending)) {
        pendingShingles.addTo(s, 1);
      }
    }
  }

  /** Pending adds: articles indexed but not yet counted in {@link #docCount}. */
  public int pendingSize() {
    return pending.size();
  }

  /**
   * Takes a deleted article out at once: out of the pending adds, or out of the counts; and out
   * of its story's line counts.
   */
  public void deleted(String id, int[] set, long[] lineKeys, long[] storyLineKeys, long story) {
    stories.remove(storyLineKeys, story);
    Pending p = pending.remove(id);
    totals.remove(id); // its weight sum, if cached: an update re-adds the id with another set
    if (p != null) {
      pendingShingles = null; // rebuilt without it when next read
      countLines(p.lineKeys, -1);
      return;
    }
    frequencies.add(set, -1);
    lines.add(lineKeys, -1);
    docCount--;
    deletedSinceSave = true;
    totals.clear();
  }

  private void advance(Parallel parallel) {
    if (pending.isEmpty()) {
      return;
    }
    java.util.List<int[]> sets = new java.util.ArrayList<>(pending.size());
    for (Pending p : pending.values()) {
      sets.add(p.set);
      lines.add(p.lineKeys, 1);
      docCount++;
    }
    frequencies.addAll(sets, parallel);
    pending.clear();
    pendingSets.clear();
    countedPending = 0;
    if (pendingShingles != null) {
      pendingShingles.clear();
    }
    pendingLines.clear();
    totals.clear();
  }
}
