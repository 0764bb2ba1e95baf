package com.storyclusters.fingerprint;

import com.storyclusters.Article;
import com.storyclusters.boilerplate.Headline;

import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.TextNormalizer;
import com.storyclusters.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        : java.util.Arrays.stream(lineKey).sorted().distinct().toArray();
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
    List<int[]> bounds = new ArrayList<>();
    int from = 0;
    while (from <= normalized.length()) {
      int nl = normalized.indexOf('\n', from);
      int to = nl < 0 ? normalized.length() : nl;
      if (to > from) {
        bounds.add(new int[] {from, to});
      }
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    int n = bounds.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    long[] keys = new long[n];
    int[] tokens = new int[n];
    int[] shingleStart = new int[n + 1];
    Shingler shingler = new Shingler(shingleSize);
    long[] all = new long[Math.max(16, normalized.length() / 4)];
    int total = 0;
    int headline = 0;
    for (int i = 0; i < n; i++) {
      starts[i] = bounds.get(i)[0];
      ends[i] = bounds.get(i)[1];
      if (starts[i] == headlineAt) {
        headline = i;
      }
      shingler.reset();
      tokens[i] = Tokenizer.tokenize(normalized, starts[i], ends[i], shingler);
      shingler.finish();
      keys[i] = Tokenizer.fmix64(sourceSeed * 31 + hashChars(normalized, starts[i], ends[i]));
      shingleStart[i] = total;
      int c = shingler.count();
      if (total + c > all.length) {
        all = Arrays.copyOf(all, Math.max(all.length * 2, total + c));
      }
      System.arraycopy(shingler.buffer(), 0, all, total, c);
      total += c;
    }
    shingleStart[n] = total;
    long textHash = hashChars(normalized, 0, normalized.length());
    return new Prepared(article, normalized, starts, ends, keys, tokens,
        Arrays.copyOf(all, total), shingleStart, textHash, headline);
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

  private static long hashChars(CharSequence s, int start, int end) {
    long h = 0x84222325cbf29ce4L;
    for (int i = start; i < end; i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return Tokenizer.fmix64(h);
  }
}
