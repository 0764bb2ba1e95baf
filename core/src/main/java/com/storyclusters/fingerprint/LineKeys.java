package com.storyclusters.fingerprint;

import com.storyclusters.text.Tokenizer;
import java.util.Arrays;

/**
 * The keys of a text's lines, the one place they are made. Each normalized line has a key in every
 * source ({@link Prepared#lineKey}: a hash of its characters) and a key scoped to its article's
 * source ({@link #ofSource}: that key mixed with the source's hash). The boilerplate statistics
 * count both kinds in one table ({@link #counted}): how many articles of the source carry a line
 * (its chrome) and how many articles of any source do (a paragraph that other sources publish is
 * a wire story's text, not one site's chrome); the source-scoped keys are also counted by story
 * ({@code boilerplate.LineStories}). The index keeps the keys in every source only; the
 * source-scoped ones are derived from them and the source. Stateless.
 */
public final class LineKeys {
  private LineKeys() {}

  /** The key of a line in its source, from its key in every source and the source's name. */
  public static long ofSource(long sourceSeed, long key) {
    return Tokenizer.fmix64(sourceSeed * 31 + key);
  }

  /** The seed {@link #ofSource} takes for a source. */
  public static long seed(String source) {
    return Tokenizer.hashToken(source);
  }

  /**
   * The keys an article's line statistics count, distinct and ascending: its lines' keys in every
   * source (distinct, ascending: {@code keys}) and, when it has a source, their keys in that source
   * (none without one: no source, no chrome to learn).
   */
  public static long[] counted(String source, long[] keys) {
    if (source.isEmpty()) {
      return keys;
    }
    long[] scoped = ofSource(source, keys);
    long[] out = Arrays.copyOf(keys, keys.length + scoped.length);
    System.arraycopy(scoped, 0, out, keys.length, scoped.length);
    return sortedDistinct(out);
  }

  /**
   * The keys in {@code source} of lines whose keys in every source are {@code keys}, distinct and
   * ascending; none without a source.
   */
  public static long[] ofSource(String source, long[] keys) {
    if (source.isEmpty()) {
      return new long[0];
    }
    long seed = seed(source);
    long[] out = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = ofSource(seed, keys[i]);
    }
    return sortedDistinct(out);
  }

  /**
   * The distinct ascending {@code keys} with {@code first}, a subset of them (distinct,
   * ascending), moved to the front: {@code first}, then the other keys, ascending.
   */
  static long[] storyFirst(long[] keys, long[] first) {
    long[] out = new long[keys.length];
    System.arraycopy(first, 0, out, 0, first.length);
    int n = first.length;
    for (long k : keys) {
      if (Arrays.binarySearch(first, k) < 0) {
        out[n++] = k;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** A copy of distinct keys, ascending. */
  public static long[] ascending(long[] distinctKeys) {
    long[] copy = distinctKeys.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** A copy, ascending, each value once. */
  static long[] sortedDistinct(long[] values) {
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
}
