package com.storyclusters;

import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.TextNormalizer;
import com.storyclusters.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of fingerprinting that needs no index: normalized lines, their source-scoped keys and
 * their shingles. Computed in parallel by callers; the index-dependent part (boilerplate removal)
 * happens in {@link Fingerprint#select}. Immutable after construction.
 *
 * <p>Shingles do not cross line (paragraph) boundaries, so that removing a boilerplate line removes
 * exactly its shingles.
 */
final class Prepared {
  final Article article;
  final String normalized;
  final int[] lineStart;
  final int[] lineEnd;
  final long[] lineKey;
  final int[] lineTokens;
  /** Shingles of line i are shingles[shingleStart[i] .. shingleStart[i+1]). */
  final long[] shingles;
  final int[] shingleStart;
  final long textHash;
  /**
   * The line where the article proper starts: the page's own headline when a line in the first half
   * of the text is its title; 0 otherwise. What comes before it (site chrome, navigation, teasers
   * of other stories) is not fingerprinted.
   */
  final int headline;

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
  }

  int lines() {
    return lineStart.length;
  }

  String line(int i) {
    return normalized.substring(lineStart[i], lineEnd[i]);
  }

  /**
   * Normalizes and shingles the article's text (at most {@code maxChars} chars of it). With {@code
   * withTitle}: when a line in the first half of the text is the title (a page's own headline),
   * the article starts there ({@link #headline}); when the text does not hold the title near its
   * start, the title becomes its first line.
   */
  static Prepared of(Article article, int shingleSize, int maxChars, boolean withTitle) {
    TextNormalizer normalizer = TextNormalizer.get();
    String normalized = normalizer.normalize(clip(article.text(), maxChars));
    int headlineAt = -1;
    if (withTitle && !article.title().isBlank()) {
      String title = normalizer.normalize(clip(article.title(), maxChars)).strip();
      if (!title.isEmpty()) {
        String main = mainPart(title);
        headlineAt = headlineLine(normalized, title, main);
        if (headlineAt < 0 && !beginsWith(normalized, title, main)) {
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

  /**
   * Whether the title already opens the text: it, or its {@link #mainPart} (a page title is often
   * "headline | site name"), occurs within the text's first {@code 2 * title.length() + 200} chars.
   */
  private static boolean beginsWith(String text, String title, String main) {
    String head = text.substring(0, Math.min(text.length(), 2 * title.length() + 200));
    return head.contains(title) || (main.length() >= MIN_HEADLINE_CHARS && head.contains(main));
  }

  /**
   * Start (char offset) of the first line in the first half of the text that is the title or its
   * {@link #mainPart}; -1 if none. Titles under {@link #MIN_HEADLINE_CHARS} chars ("News") are not
   * looked for.
   */
  private static int headlineLine(String text, String title, String main) {
    if (main.length() < MIN_HEADLINE_CHARS) {
      return -1;
    }
    int limit = text.length() / 2;
    int whole = lineAt(text, title, limit);
    int part = main.equals(title) ? -1 : lineAt(text, main, limit);
    return whole < 0 ? part : part < 0 ? whole : Math.min(whole, part);
  }

  /** Start of the first line at or before {@code limit} that is exactly {@code line}; -1 if none. */
  private static int lineAt(String text, String line, int limit) {
    for (int at = text.indexOf(line); at >= 0 && at <= limit; at = text.indexOf(line, at + 1)) {
      int end = at + line.length();
      if ((at == 0 || text.charAt(at - 1) == '\n')
          && (end == text.length() || text.charAt(end) == '\n')) {
        return at;
      }
    }
    return -1;
  }

  /** The longest part of a title between " | " or " - " separators; the title if it has none. */
  private static String mainPart(String title) {
    String longest = "";
    for (String part : TITLE_SEPARATOR.split(title)) {
      if (part.length() > longest.length()) {
        longest = part;
      }
    }
    return longest.isBlank() ? title : longest.strip();
  }

  private static final int MIN_HEADLINE_CHARS = 12;

  private static final java.util.regex.Pattern TITLE_SEPARATOR =
      java.util.regex.Pattern.compile(" [|-] ");

  private static long hashChars(CharSequence s, int start, int end) {
    long h = 0x84222325cbf29ce4L;
    for (int i = start; i < end; i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return Tokenizer.fmix64(h);
  }
}
