package com.storyclusters;

import static com.google.common.base.Preconditions.checkArgument;

import com.storyclusters.minhash.MinHasher;
import java.nio.file.Path;

/**
 * The settings of a {@link StoryClusters}: an immutable value, made by its {@link Builder} ({@link
 * StoryClusters#builder()}). Every default works for news without tuning; the quality defaults
 * were chosen by measurement on labelled news (README, Quality section), and each setter's javadoc
 * gives the reason. Settings marked "recorded in the index" must match when an index is reopened.
 * Thread-safe. Serializable, for batch engines' tasks, without the index folder (a deserialized
 * copy has none).
 */
public final class Settings implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The values, a private copy of the builder's: never changed, never handed out. */
  private final Builder v;

  private Settings(Builder b) {
    this.v = b.copy();
  }

  /** Index folder, or null for an in-memory index. */
  public Path directory() {
    return v.directory;
  }

  /** See {@link Builder#shingleSize}. */
  public int shingleSize() {
    return v.shingleSize;
  }

  /** See {@link Builder#signatureSize}. */
  public int signatureSize() {
    return v.signatureSize;
  }

  /** See {@link Builder#seed}. */
  public long seed() {
    return v.seed;
  }

  /** See {@link Builder#scheme}. */
  public MinHasher.Scheme scheme() {
    return v.scheme;
  }

  /** See {@link Builder#minScore}. */
  public double minScore() {
    return v.minScore;
  }

  /** See {@link Builder#minScoreSameSource}. */
  public double minScoreSameSource() {
    return v.minScoreSameSource;
  }

  /** See {@link Builder#leadWindow}. */
  public int leadShingles() {
    return v.leadShingles;
  }

  /** See {@link Builder#leadWindow}. */
  public double leadFraction() {
    return v.leadFraction;
  }

  /** See {@link Builder#minLeadShare}. */
  public double minLeadShare() {
    return v.minLeadShare;
  }

  /** See {@link Builder#minContainmentOfNew}. */
  public double minContainmentOfNew() {
    return v.minContainmentOfNew;
  }

  /** See {@link Builder#minContainmentOfNew}. */
  public double minLeadVerbatim() {
    return v.minLeadVerbatim;
  }

  /** See {@link Builder#minShingles}. */
  public int minShingles() {
    return v.minShingles;
  }

  /** See {@link Builder#maxTextChars}. */
  public int maxTextChars() {
    return v.maxTextChars;
  }

  /** See {@link Builder#maxShingles}. */
  public int maxShingles() {
    return v.maxShingles;
  }

  /** See {@link Builder#maxCandidates}. */
  public int maxCandidates() {
    return v.maxCandidates;
  }

  /** See {@link Builder#maxAnchors}. */
  public int maxAnchors() {
    return v.maxAnchors;
  }

  /** See {@link Builder#boilerplate}. */
  public boolean boilerplate() {
    return v.boilerplate;
  }

  /** See {@link Builder#fingerprintTitle}. */
  public boolean fingerprintTitle() {
    return v.title;
  }

  /** See {@link Builder#commitEvery}. */
  public int commitEvery() {
    return v.commitEvery;
  }

  /** Retention window, or null: keep everything. */
  public java.time.Duration retention() {
    return v.retention;
  }

  /** See {@link Builder#frequencyBits}. */
  public int frequencyBits() {
    return v.frequencyBits;
  }

  /** See {@link Builder#storeText}. */
  public boolean storeText() {
    return v.storeText;
  }

  /** See {@link Builder#readOnly}. */
  public boolean readOnly() {
    return v.readOnly;
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return v.copy();
  }

  /**
   * Builds {@link Settings} and opens {@link StoryClusters} with them. Not thread-safe; every
   * setter checks its argument and throws {@link IllegalArgumentException} naming it.
   */
  public static final class Builder implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Not serialized: a batch engine's tasks open no index. */
    private transient Path directory;
    private int shingleSize = 2;
    private int signatureSize = 128;
    private long seed = 0x53544F5259L;
    private MinHasher.Scheme scheme = MinHasher.Scheme.ONE_PERMUTATION;
    private double minScore = 0.15;
    private double minScoreSameSource = 0.5;
    private int leadShingles = 50;
    private double leadFraction = 0.15;
    private double minLeadShare = 0.25;
    private double minContainmentOfNew = 0.2;
    private double minLeadVerbatim = 0.8;
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
    private boolean storeText = true;
    private boolean readOnly;

    Builder() {}

    /** A copy of these values. */
    Builder copy() {
      Builder c = new Builder();
      c.directory = directory;
      c.shingleSize = shingleSize;
      c.signatureSize = signatureSize;
      c.seed = seed;
      c.scheme = scheme;
      c.minScore = minScore;
      c.minScoreSameSource = minScoreSameSource;
      c.leadShingles = leadShingles;
      c.leadFraction = leadFraction;
      c.minLeadShare = minLeadShare;
      c.minContainmentOfNew = minContainmentOfNew;
      c.minLeadVerbatim = minLeadVerbatim;
      c.minShingles = minShingles;
      c.maxTextChars = maxTextChars;
      c.maxShingles = maxShingles;
      c.maxCandidates = maxCandidates;
      c.maxAnchors = maxAnchors;
      c.boilerplate = boilerplate;
      c.title = title;
      c.commitEvery = commitEvery;
      c.retention = retention;
      c.frequencyBits = frequencyBits;
      c.storeText = storeText;
      c.readOnly = readOnly;
      return c;
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
     * development data most false links were such same-agency pairs. Two articles of one source
     * that open with the text they share, with a lead carried verbatim (the lead share of {@link
     * #minContainmentOfNew(double, double)}), need only {@link #minScore}: one page published
     * again with other stories appended ({@code PairScorer.sameSourceAlike}).
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
      checkArgument(shingles >= 0 && shingles <= com.storyclusters.fingerprint.Fingerprint.LEAD_SHINGLES,
          "lead shingles must be in [0, %s] (the index keeps each text's lead up to there), got %s",
          com.storyclusters.fingerprint.Fingerprint.LEAD_SHINGLES, shingles);
      checkArgument(fraction >= 0 && fraction <= com.storyclusters.fingerprint.Fingerprint.LEAD_FRACTION,
          "lead fraction must be in [0, %s] (the index keeps each text's lead up to there), got %s",
          com.storyclusters.fingerprint.Fingerprint.LEAD_FRACTION, fraction);
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
     * Which text is inside which. A copy is mostly made of its source: the new article must be the
     * shorter of the two by IDF weight (its containment in the match is then the score, which
     * {@link #minScore} bounds), or at least {@code containment} of a longer new article must be
     * the match; an independent report of the same event runs longer than the agency text it
     * shares names and stock phrases with, and fails this. Unless a page carries the match
     * verbatim: a copy followed by other stories (related articles, a live page) is mostly its own
     * text too, but one of the two leads lies in runs of at least 8 shared words for at least
     * {@code leadVerbatim} of its length. Defaults 0.2 and 0.8, chosen by cross-validation on
     * COUNTER (README Quality).
     *
     * @param containment in [0, 1]; 0 turns the test off
     * @param leadVerbatim in [0, 1]
     */
    public Builder minContainmentOfNew(double containment, double leadVerbatim) {
      checkArgument(containment >= 0 && containment <= 1,
          "minContainmentOfNew must be in [0, 1], got %s", containment);
      checkArgument(leadVerbatim >= 0 && leadVerbatim <= 1,
          "leadVerbatim must be in [0, 1], got %s", leadVerbatim);
      this.minContainmentOfNew = containment;
      this.minLeadVerbatim = leadVerbatim;
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

    /**
     * Shingles looked up per add to find candidates (its anchors); default 64: the 16 rarest of
     * its lead window, then the rarest of the rest, each held by 1 to 256 indexed articles.
     * Between 1 and 512. An indexed article is found by the anchor sample of its lead window
     * alone (what the lead rule needs shared). 256 gave the same clusters on the development sets
     * and moved 11 of 20,000 generated articles, for about 10% more CPU.
     */
    public Builder maxAnchors(int maxAnchors) {
      checkArgument(maxAnchors >= 1 && maxAnchors <= 512,
          "maxAnchors must be between 1 and 512, got %s", maxAnchors);
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
     * than W before the latest published time seen are evicted from the index (in steps of W/10,
     * checked at statistics epoch boundaries: after every add for the first 1,024, then every 128
     * to 1,024), so a long-running service stays bounded. Clusters keep their ids while any member remains; a
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
     * Whether the fingerprinted text (and the removed boilerplate lines) are stored in the index;
     * default true: {@link StoryClusters#explain} shows shared passages from it. Without text the
     * index is several times smaller and faster to write; explanations then give scores only.
     * Decisions never read the text, so clusters are the same either way. Recorded in the index:
     * an existing index keeps the choice it was created with, whatever this says.
     */
    public Builder storeText(boolean storeText) {
      this.storeText = storeText;
      return this;
    }

    /**
     * Whether to open an existing index only to query it; default false. Read-only, the open
     * takes no write lock (so it works while another process writes the index, seeing its last
     * commit), writes nothing and creates no index: a missing or empty folder, or no {@link
     * #directory}, is refused with a {@link StoryClustersException}, as is every {@link
     * StoryClusters#add}, {@link StoryClusters#addAll}, {@link StoryClusters#remove} and {@link
     * StoryClusters#commit} ("opened read-only"). The retention window is not applied: the
     * articles are those of the last commit. Not recorded in the index.
     */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** The settings as an immutable value. */
    public Settings settings() {
      return new Settings(this);
    }

    /**
     * Opens (or creates) the index with these settings and loads its clusters.
     *
     * @throws SettingsMismatchException if an existing index has other recorded settings
     * @throws StoryClustersException if the index cannot be opened or is corrupted
     */
    public StoryClusters build() {
      return StoryClusters.open(settings());
    }
  }
}
