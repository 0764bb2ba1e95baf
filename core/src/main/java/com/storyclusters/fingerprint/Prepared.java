package com.storyclusters.fingerprint;

import com.storyclusters.Article;
import com.storyclusters.boilerplate.Headline;

import com.storyclusters.text.TextNormalizer;
import com.storyclusters.text.Tokenizer;
import java.util.Arrays;

/**
 * The part of fingerprinting that needs no index: normalized lines, their keys ({@link
 * LineKeys}) and their shingles. Computed in parallel by callers; the index-dependent part (boilerplate removal)
 * happens in {@link Fingerprint#select}. Immutable after construction (its arrays are not to be
 * written by callers); internal.
 *
 * <p>Shingles do not cross line (paragraph) boundaries, so that removing a boilerplate line removes
 * exactly its shingles.
 */
public final class Prepared {
  public final Article article;
  public final String normalized;
  public final int[] lineStart;
  public final int[] lineEnd;
  /** Each line's key in every source ({@link LineKeys}). */
  public final long[] lineKey;
  /** Each line's key in the article's source ({@link LineKeys#ofSource}). */
  public final long[] sourceLineKey;
  public final int[] lineTokens;
  /** Shingles of line i are shingles[shingleStart[i] .. shingleStart[i+1]). */
  public final long[] shingles;
  public final int[] shingleStart;
  public final long textHash;
  /**
   * The line where the article proper starts: the page's own headline when a line in the first half
   * of the text is its title; 0 otherwise. What comes before it (site chrome, navigation, teasers
   * of other stories) is not fingerprinted.
   */
  public final int headline;
  /** The distinct {@link #lineKey}s, ascending: what the index keeps. */
  public final long[] distinctLineKeys;
  /** The keys the line statistics count for this article ({@link LineKeys#counted}). */
  public final long[] countedLineKeys;
  /**
   * The distinct {@link #sourceLineKey}s, ascending ({@link LineKeys#ofSource(String, long[])}), of
   * the lines whose story count the boilerplate rule reads ({@link
   * com.storyclusters.boilerplate.BoilerplateFilter#readsStories}): what the story counts count;
   * none without a source.
   */
  public final long[] storyLineKeys;
  /**
   * The {@link #distinctLineKeys} as the index keeps them: the {@link #storyLines} keys of lines
   * whose story count the rule reads first, ascending, then the others, ascending.
   */
  public final long[] storedLineKeys;
  /** How many of {@link #storedLineKeys} come first as lines whose story count is read. */
  public final int storyLines;

  private Prepared(Article article, String normalized, int[] lineStart, int[] lineEnd,
      long[] lineKey, int[] lineTokens, long[] shingles, int[] shingleStart, long textHash,
      int headline) {
    this.article = article;
    this.normalized = normalized;
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.lineKey = lineKey;
    long seed = LineKeys.seed(article.source());
    this.sourceLineKey = new long[lineKey.length];
    for (int i = 0; i < lineKey.length; i++) {
      sourceLineKey[i] = LineKeys.ofSource(seed, lineKey[i]);
    }
    this.lineTokens = lineTokens;
    this.shingles = shingles;
    this.shingleStart = shingleStart;
    this.textHash = textHash;
    this.headline = headline;
    this.distinctLineKeys = LineKeys.sortedDistinct(lineKey);
    this.countedLineKeys = LineKeys.counted(article.source(), distinctLineKeys);
    long[] story = new long[lineKey.length];
    int n = 0;
    for (int i = 0; i < lineKey.length; i++) {
      if (com.storyclusters.boilerplate.BoilerplateFilter.readsStories(lineTokens[i])) {
        story[n++] = lineKey[i];
      }
    }
    long[] storyKeys = LineKeys.sortedDistinct(java.util.Arrays.copyOf(story, n));
    this.storyLines = storyKeys.length;
    this.storedLineKeys = LineKeys.storyFirst(distinctLineKeys, storyKeys);
    this.storyLineKeys = LineKeys.ofSource(article.source(), storyKeys);
  }

  public int lines() {
    return lineStart.length;
  }

  public String line(int i) {
    return normalized.substring(lineStart[i], lineEnd[i]);
  }

  /**
   * Normalizes and shingles the article's text (at most {@code maxChars} chars of it). With {@code
   * withTitle}: when a line in the first half of the text is the title (a page's own headline),
   * the article starts there ({@link #headline}); when the text does not hold the title near its
   * start, the title becomes its first line.
   */
  public static Prepared of(Article article, int shingleSize, int maxChars, boolean withTitle) {
    TextNormalizer normalizer = TextNormalizer.get();
    String raw = clip(article.text(), maxChars);
    String title = "";
    if (withTitle && !article.title().isBlank()) {
      title = normalizer.normalize(clip(article.title(), maxChars)).strip();
    }
    // most texts do not hold their title (then it becomes their first line): the text hash is
    // taken behind the title, and taken again in the rare case that guess is wrong
    long titleState = CHAR_HASH_START;
    for (int i = 0; i < title.length(); i++) {
      titleState = (titleState ^ title.charAt(i)) * FNV_PRIME;
    }
    titleState = (titleState ^ '\n') * FNV_PRIME;
    boolean guess = !title.isEmpty();
    LineScan body = LineScan.scanRaw(raw, shingleSize,
        guess ? titleState : CHAR_HASH_START);
    if (body == null) {
      return general(article, normalizer.normalize(raw), title, shingleSize);
    }
    String normalized = new String(body.text, 0, body.length);
    int headline = 0;
    if (!title.isEmpty()) {
      int headlineAt = Headline.lineOf(normalized, title);
      if (headlineAt < 0 && !Headline.opens(normalized, title)) {
        LineScan head = scan(title, shingleSize);
        LineScan all = LineScan.concat(head, body, title.length() + 1);
        return prepared(article, title + "\n" + normalized, all, body.textHash, 0);
      }
      headline = lineAt(body, headlineAt);
    }
    if (guess) {
      body.textHash = hashChars(body.text, 0, body.length);
    }
    return prepared(article, normalized, body, body.textHash, headline);
  }

  /** {@link #of} for text that {@link TextNormalizer}'s fast path does not take. */
  private static Prepared general(Article article, String normalized, String title,
      int shingleSize) {
    int headlineAt = -1;
    if (!title.isEmpty()) {
      headlineAt = Headline.lineOf(normalized, title);
      if (headlineAt < 0 && !Headline.opens(normalized, title)) {
        normalized = title + "\n" + normalized;
      }
    }
    LineScan scan = scan(normalized, shingleSize);
    return prepared(article, normalized, scan, scan.textHash, lineAt(scan, headlineAt));
  }

  private static LineScan scan(String normalized, int shingleSize) {
    int length = normalized.length();
    char[] chars = new char[length];
    normalized.getChars(0, length, chars, 0);
    return LineScan.scan(chars, length, shingleSize);
  }

  /** The line that starts at char {@code at}; 0 if none. */
  private static int lineAt(LineScan scan, int at) {
    for (int i = 0; i < scan.lines && at >= 0; i++) {
      if (scan.starts[i] == at) {
        return i;
      }
    }
    return 0;
  }

  private static Prepared prepared(Article article, String normalized, LineScan scan,
      long textHash, int headline) {
    return new Prepared(article, normalized, scan.starts, scan.ends, scan.keys, scan.tokens,
        Arrays.copyOf(scan.shingles, scan.shingleCount), scan.shingleStart, textHash, headline);
  }

  private static String clip(String raw, int maxChars) {
    if (raw.length() <= maxChars) {
      return raw;
    }
    int cut = maxChars;
    if (Character.isHighSurrogate(raw.charAt(cut - 1))) {
      cut--;
    }
    return raw.substring(0, cut);
  }

  /** FNV-1a start of the line and text hashes ({@link #hashChars}). */
  static final long CHAR_HASH_START = 0x84222325cbf29ce4L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /**
   * Hash of {@code s[start, end)} as UTF-16 chars: the line keys' and {@link #textHash}'s. Read
   * from a {@code char[]}, not a {@code String}: C2 speculated on the strings' one-byte form here
   * and recompiled {@link #of} four to five times in a run as two-byte texts came.
   */
  static long hashChars(char[] s, int start, int end) {
    long h = CHAR_HASH_START;
    for (int i = start; i < end; i++) {
      h = (h ^ s[i]) * FNV_PRIME;
    }
    return Tokenizer.fmix64(h);
  }
}
