package com.storyclusters.fingerprint;

import com.storyclusters.Article;
import com.storyclusters.boilerplate.Headline;

import com.storyclusters.text.TextNormalizer;
import com.storyclusters.text.Tokenizer;
import java.util.Arrays;

/**
 * The part of fingerprinting that needs no index: normalized lines, their source-scoped keys and
 * their shingles. Computed in parallel by callers; the index-dependent part (boilerplate removal)
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
  public final long[] lineKey;
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
  /** The distinct line keys, ascending; empty when the article has no source (nothing to learn). */
  public final long[] distinctLineKeys;

  private Prepared(Article article, String normalized, int[] lineStart, int[] lineEnd,
      long[] lineKey, int[] lineTokens, long[] shingles, int[] shingleStart, long textHash,
      int headline) {
    this.article = article;
    this.normalized = normalized;
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.lineKey = lineKey;
    this.lineTokens = lineTokens;
    this.shingles = shingles;
    this.shingleStart = shingleStart;
    this.textHash = textHash;
    this.headline = headline;
    this.distinctLineKeys = article.source().isEmpty() ? new long[0]
        : sortedDistinct(lineKey);
  }

  private static long[] sortedDistinct(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    int n = 0;
    for (int i = 0; i < copy.length; i++) {
      if (i == 0 || copy[i] != copy[i - 1]) {
        copy[n++] = copy[i];
      }
    }
    return n == copy.length ? copy : Arrays.copyOf(copy, n);
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
    String normalized = normalizer.normalize(clip(article.text(), maxChars));
    int headlineAt = -1;
    if (withTitle && !article.title().isBlank()) {
      String title = normalizer.normalize(clip(article.title(), maxChars)).strip();
      if (!title.isEmpty()) {
        headlineAt = Headline.lineOf(normalized, title);
        if (headlineAt < 0 && !Headline.opens(normalized, title)) {
          normalized = title + "\n" + normalized;
        }
      }
    }
    long sourceSeed = Tokenizer.hashToken(article.source());
    int length = normalized.length();
    char[] chars = new char[length];
    normalized.getChars(0, length, chars, 0);
    LineScan scan = LineScan.scan(chars, length, shingleSize, sourceSeed);
    int headline = 0;
    for (int i = 0; i < scan.lines && headlineAt >= 0; i++) {
      if (scan.starts[i] == headlineAt) {
        headline = i;
        break;
      }
    }
    return new Prepared(article, normalized, scan.starts, scan.ends, scan.keys, scan.tokens,
        Arrays.copyOf(scan.shingles, scan.shingleCount), scan.shingleStart, scan.textHash,
        headline);
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

  /** Hash of {@code s[start, end)} as UTF-16 chars: the line keys' and {@link #textHash}'s. */
  static long hashChars(CharSequence s, int start, int end) {
    long h = CHAR_HASH_START;
    for (int i = start; i < end; i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return Tokenizer.fmix64(h);
  }
}
