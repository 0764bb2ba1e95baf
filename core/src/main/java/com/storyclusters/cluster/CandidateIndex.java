package com.storyclusters.cluster;

import com.storyclusters.fingerprint.Fingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Every live indexed article's candidate keys, in memory and in primitive form, and its evidence
 * (in an {@link EvidenceStore}: a mapped scratch file, or the heap): the only place candidates are
 * looked up. Each article gets an ordinal in add order; the shingles it is found by (given at
 * construction: {@link PairScorer#heldKeys}, the anchor sample of its lead window) point at it in
 * a primitive multimap ({@link IntIntMultimap}), where each key's ordinals lie contiguous and
 * ascending. The durable index keeps what this is rebuilt from on open (the sets, leads and
 * sketches as doc values), and no term for them.
 *
 * <p>{@link #view} gives a {@link CandidateSource} over the articles with ordinals below a limit: a
 * batch segment's parallel step gives each article the view of everything added before it, so an
 * article sees exactly what one-by-one adds would have shown it. A deleted article is skipped by
 * every look-up at once; the maps are rebuilt without the deleted ones when they are the larger
 * part. Writes ({@link #add}, {@link #remove}) need the facade's lock and no concurrent reader;
 * views are safe for concurrent readers between writes. Internal.
 */
public final class CandidateIndex implements java.io.Closeable {
  /** Deleted entries tolerated before the maps are rebuilt without them (and at least half). */
  private static final int COMPACT_AT = 4096;

  /** Each ordinal's article id (null once deleted); the evidence itself is in {@link #store}. */
  private String[] ids = new String[1024];
  private final EvidenceStore store;
  private int size;
  private BitSet deleted = new BitSet();
  private int deletedCount;
  private final OrdinalTable ordinals = new OrdinalTable();
  /** The shingles an entry is found by (see {@link PairScorer#heldKeys}). */
  private final java.util.function.Function<Evidence, int[]> heldKeys;

  /**
   * An index where each article is found by the shingles {@code heldKeys} gives, its evidence
   * on the heap.
   */
  public CandidateIndex(java.util.function.Function<Evidence, int[]> heldKeys) {
    this(heldKeys, EvidenceStore.onHeap());
  }

  /**
   * An index where each article is found by the shingles {@code heldKeys} gives, its evidence in
   * {@code scratch}, a file mapped into memory that the index creates (replacing any file of that
   * name) and removes on {@link #close} (see {@link EvidenceStore#mapped}).
   */
  public CandidateIndex(java.util.function.Function<Evidence, int[]> heldKeys,
      java.nio.file.Path scratch) throws java.io.IOException {
    this(heldKeys, EvidenceStore.mapped(scratch));
  }

  private CandidateIndex(java.util.function.Function<Evidence, int[]> heldKeys,
      EvidenceStore store) {
    this.heldKeys = heldKeys;
    this.store = store;
  }

  /** Releases the evidence store (its scratch file). */
  @Override
  public void close() {
    store.close();
  }
  /** Each key lives in one shard (by its hash), so that shards are filled in parallel. */
  private static final int SHARD_BITS = 2;
  private IntIntMultimap[] byShingle = shards();

  private static IntIntMultimap[] shards() {
    IntIntMultimap[] out = new IntIntMultimap[1 << SHARD_BITS];
    for (int i = 0; i < out.length; i++) {
      out[i] = new IntIntMultimap();
    }
    return out;
  }

  private static int shard(int key) {
    return (int) (com.storyclusters.text.Tokenizer.fmix64(key) >>> (64 - SHARD_BITS));
  }

  /** Ordinals handed out so far, deleted ones included: the limit of a view of everything. */
  public int size() {
    return size;
  }

  /** Live articles held. */
  public int live() {
    return size - deletedCount;
  }

  /**
   * Adds the articles of fingerprints, in order (ids new to the index and distinct); the maps'
   * shards are filled in parallel, each in ordinal order.
   */
  public void addAll(String[] ids, Fingerprint[] fps, Parallel parallel) {
    Evidence[] evidence = new Evidence[fps.length];
    for (int k = 0; k < fps.length; k++) {
      evidence[k] = Evidence.of(ids[k], fps[k]);
    }
    addAll(evidence, parallel);
  }

  /**
   * Adds articles' evidence, in order (ids new to the index and distinct); the map's shards are
   * filled in parallel, each in ordinal order.
   */
  public void addAll(Evidence[] evidence, Parallel parallel) {
    int first = size;
    int registered = 0;
    try {
      for (; registered < evidence.length; registered++) {
        register(evidence[registered]);
      }
    } catch (RuntimeException e) { // an id held already: what was registered holds its evidence
      for (int k = 0; k < registered; k++) {
        store.write(first + k, evidence[k]);
      }
      throw e;
    }
    int[][] held = new int[evidence.length][];
    parallel.run(evidence.length, k -> {
      held[k] = heldKeys.apply(evidence[k]);
      store.write(first + k, evidence[k]); // each into the room register made for it
    });
    post(first, held, parallel);
  }

  /**
   * Packs the maps to what they hold, after a bulk load (an open): most of what is loaded is old
   * and gets no more articles under its keys.
   */
  public void trim() {
    for (IntIntMultimap m : byShingle) {
      m.trim();
    }
  }

  /** Adds an article's evidence; its id must not be held. */
  public void add(Evidence e) {
    addAll(new Evidence[] {e}, Parallel.SERIAL);
  }

  private int register(Evidence e) {
    if (ordinals.get(e.id(), ids) >= 0) {
      throw new IllegalStateException("article " + e.id() + " is held already");
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    int ordinal = size++;
    ids[ordinal] = e.id();
    store.reserve(ordinal, e); // written by the caller
    ordinals.put(ordinal, ids);
    return ordinal;
  }

  /**
   * Puts the keys of the entries from {@code first} on, {@code held[k]} the k-th one's.
   */
  private void post(int first, int[][] held, Parallel parallel) {
    long keys = 0;
    for (int[] h : held) {
      keys += h.length;
    }
    // each shard reads every key and puts its own
    parallel.forSteps(keys << SHARD_BITS).run(1 << SHARD_BITS, shard -> {
      for (int k = 0; k < held.length; k++) {
        post(first + k, held[k], shard);
      }
    });
  }

  /** Puts an entry's keys that fall in {@code shard}. */
  private void post(int ordinal, int[] held, int shard) {
    IntIntMultimap shingles = byShingle[shard];
    for (int h : held) {
      if (shard(h) == shard) {
        shingles.put(h, ordinal);
      }
    }
  }

  /** The evidence of a live article, or null. */
  public Evidence evidence(String id) {
    int i = ordinals.get(id, ids);
    return i < 0 ? null : store.get(i, ids[i]);
  }

  /** Removes an article; false if it is not held. */
  public boolean remove(String id) {
    int i = ordinals.get(id, ids);
    if (i < 0) {
      return false;
    }
    ordinals.remove(id, ids);
    deleted.set(i);
    ids[i] = null;
    store.drop(i);
    deletedCount++;
    if (deletedCount >= COMPACT_AT && 2 * deletedCount >= size) {
      compact();
    }
    return true;
  }

  /** Renumbers the live entries in their order and rebuilds the maps without the deleted ones. */
  private void compact() {
    int[] live = new int[size - deletedCount];
    int n = 0;
    ordinals.clear();
    for (int i = 0; i < size; i++) {
      if (ids[i] != null) {
        live[n] = i;
        ids[n] = ids[i];
        ordinals.put(n, ids);
        n++;
      }
    }
    Arrays.fill(ids, n, size, null);
    store.keep(live);
    size = n;
    deleted = new BitSet();
    deletedCount = 0;
    byShingle = shards();
    int[][] held = new int[size][];
    for (int i = 0; i < size; i++) {
      held[i] = heldKeys.apply(store.get(i, ids[i]));
    }
    post(0, held, Parallel.SERIAL);
    trim();
  }

  /** The articles with ordinals below {@code limit} (added before it) as a candidate source. */
  public CandidateSource view(int limit) {
    return new CandidateSource() {
      @Override
      public List<Candidate> candidates(int[] anchors, int max) {
        return CandidateIndex.this.candidates(limit, anchors, max);
      }

      @Override
      public Evidence evidence(String id) {
        int i = ordinals.get(id, ids);
        return i < 0 || i >= limit ? null : store.get(i, ids[i]);
      }
    };
  }

  /**
   * Live entries below {@code limit}, one hit per anchor shingle held; the first {@code max} by
   * {@link Candidate#ORDER}. Counts in per-thread primitive arrays; only the chosen entries become
   * candidates.
   */
  private List<Candidate> candidates(int limit, int[] anchors, int max) {
    if (limit == 0 || max == 0) {
      return List.of();
    }
    int[][] scratch = Scratch.current().hits; // hits per ordinal, the ordinals hit, a key's values
    if (scratch[0].length < limit) {
      scratch[0] = new int[Math.max(limit, 2 * scratch[0].length)];
    }
    int[] hits = scratch[0];
    int n = 0;
    for (int a : anchors) {
      n = count(a, limit, hits, scratch, n);
    }
    int[] touched = scratch[1];
    // hits are small counts: select the first max by a histogram, not by sorting every hit
    int most = 0;
    for (int i = 0; i < n; i++) {
      most = Math.max(most, hits[touched[i]]);
    }
    int[] histogram = new int[most + 1];
    for (int i = 0; i < n; i++) {
      histogram[hits[touched[i]]]++;
    }
    int boundary = histogram.length - 1; // the hits of the last place taken
    int above = 0; // entries with more hits than the boundary
    while (boundary > 1 && above + histogram[boundary] < max) {
      above += histogram[boundary--];
    }
    int[] chosen = new int[Math.min(n, max)];
    int taken = 0;
    // the boundary group's smallest ids: selected among its ordinals (no boxing, no heap)
    int room = max - above;
    int[] tied = new int[n];
    int tiedCount = 0;
    for (int i = 0; i < n; i++) {
      int v = touched[i];
      int h = hits[v];
      if (h > boundary) {
        chosen[taken++] = v;
      } else if (h == boundary) {
        tied[tiedCount++] = v;
      }
    }
    if (tiedCount > room) {
      smallestIds(tied, tiedCount, room);
      tiedCount = room;
    }
    System.arraycopy(tied, 0, chosen, taken, tiedCount);
    taken += tiedCount;
    List<Candidate> out = new ArrayList<>(taken);
    for (int k = 0; k < taken; k++) {
      int v = chosen[k];
      out.add(new Candidate(store.get(v, ids[v]), hits[v]));
    }
    for (int i = 0; i < n; i++) {
      hits[touched[i]] = 0;
    }
    out.sort(Candidate.ORDER);
    return out;
  }

  /**
   * Puts the {@code k} (< n) of {@code ordinals[0, n)} with the smallest ids by {@link
   * Candidate#compareIds} in {@code ordinals[0, k)}, in no particular order, keeping the smallest
   * so far in a max-heap: O(n log k) comparisons at worst (ids are distinct, so which {@code k}
   * is fixed). Overwrites {@code ordinals[0, n)}. Written out, not Lucene's {@code IntroSelector},
   * whose compilation took 0.2-0.7 s of C2's time in a 50,000-article run.
   */
  private void smallestIds(int[] ordinals, int n, int k) {
    if (k == 0) {
      return;
    }
    for (int i = (k >>> 1) - 1; i >= 0; i--) {
      siftDown(ordinals, i, k);
    }
    for (int i = k; i < n; i++) {
      if (Candidate.compareIds(ids[ordinals[i]], ids[ordinals[0]]) < 0) {
        ordinals[0] = ordinals[i];
        siftDown(ordinals, 0, k);
      }
    }
  }

  /** Restores the heap {@code heap[0, n)} below {@code i}, the largest id on top. */
  private void siftDown(int[] heap, int i, int n) {
    int v = heap[i];
    for (int child = 2 * i + 1; child < n; child = 2 * i + 1) {
      if (child + 1 < n && Candidate.compareIds(ids[heap[child + 1]], ids[heap[child]]) > 0) {
        child++;
      }
      if (Candidate.compareIds(ids[heap[child]], ids[v]) <= 0) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = v;
  }

  /**
   * Adds a hit to every live entry below {@code limit} under {@code key}. Returns the new number
   * of entries hit.
   */
  private int count(int key, int limit, int[] hits, int[][] scratch, int n) {
    IntIntMultimap map = byShingle[shard(key)];
    int slot = map.find(key);
    if (slot == IntIntMultimap.NONE) {
      return n;
    }
    int[] values = scratch[2];
    int bound = map.bound(slot);
    if (values.length < bound) {
      values = scratch[2] = new int[Math.max(bound, 2 * values.length)];
    }
    int c = map.read(slot, limit, values); // ascending, below the view's limit
    for (int i = 0; i < c; i++) {
      int v = values[i];
      if (deleted.get(v)) {
        continue;
      }
      if (hits[v]++ == 0) {
        if (n == scratch[1].length) {
          scratch[1] = Arrays.copyOf(scratch[1], 2 * n);
        }
        scratch[1][n++] = v;
      }
    }
    return n;
  }
}
