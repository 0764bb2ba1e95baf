package com.storyclusters.shingle;

import static com.google.common.base.Preconditions.checkArgument;

import com.storyclusters.text.TokenSink;
import com.storyclusters.text.Tokenizer;
import java.util.Arrays;

/**
 * Hashes every window of {@code size} consecutive tokens to 64 bits, in text order.
 *
 * <p><b>Shingle hash (part of the index format; never changes silently):</b> a polynomial rolling
 * hash over the window's token hashes {@code t_1..t_k}, oldest first, {@code r = Σ t_j * M^(k-j)
 * (mod 2^64)} with {@code M = 0x9E3779B97F4A7C15}, finished as {@code fmix64(r + k)}: O(1) per
 * shingle whatever k. A text with at least one but fewer than {@code size} tokens yields one shingle over all of
 * its tokens, so short texts are not empty; a text without tokens yields none.
 *
 * <p>An instance is a reusable accumulator: <b>not thread-safe</b>; use one per thread. {@link
 * #reset()} starts a new text. Output goes to a growable {@code long[]} that is reused across texts.
 */
public final class Shingler implements TokenSink {
  /** The golden-ratio multiplier of the shingle hash (for callers that roll it themselves). */
  public static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private final int size;
  private final long[] window;
  /** M^size, to remove the oldest token from the rolling hash. */
  private final long dropFactor;
  private long rolling;
  private int tokens;
  private long[] out = new long[256];
  private int count;

  /**
   * @param size tokens per shingle, between 1 and 16
   * @throws IllegalArgumentException if {@code size} is out of range
   */
  public Shingler(int size) {
    checkArgument(size >= 1 && size <= 16, "shingle size must be between 1 and 16, got %s", size);
    this.size = size;
    this.window = new long[size];
    long f = 1;
    for (int i = 0; i < size; i++) {
      f *= MULTIPLIER;
    }
    this.dropFactor = f;
  }

  /** Tokens per shingle. */
  public int size() {
    return size;
  }

  /** Forgets the previous text. */
  public void reset() {
    tokens = 0;
    count = 0;
    rolling = 0;
  }

  /** Tokenizes {@code text[start,end)} and appends its shingles (a text may be fed in parts). */
  public void add(CharSequence text, int start, int end) {
    Tokenizer.tokenize(text, start, end, this);
  }

  @Override
  public void token(long hash, int start, int end) {
    int slot = tokens % size;
    rolling = rolling * MULTIPLIER + hash;
    if (tokens >= size) {
      rolling -= window[slot] * dropFactor;
    }
    window[slot] = hash;
    tokens++;
    if (tokens >= size) {
      append(Tokenizer.fmix64(rolling + size));
    }
  }

  /** Call after the last token of a text: emits the single short shingle of a text under size. */
  public void finish() {
    if (tokens > 0 && tokens < size) {
      append(Tokenizer.fmix64(rolling + tokens));
    }
  }

  private void append(long h) {
    if (count == out.length) {
      out = Arrays.copyOf(out, count * 2);
    }
    out[count++] = h;
  }

  /** Number of shingles (with repeats) since the last reset. */
  public int count() {
    return count;
  }

  /** The shingle hashes in text order; only the first {@link #count()} entries are valid. */
  public long[] buffer() {
    return out;
  }

  /** Convenience: the shingle hashes of one text, in order, as a new array. */
  public static long[] shingles(CharSequence text, int size) {
    Shingler s = new Shingler(size);
    s.add(text, 0, text.length());
    s.finish();
    return Arrays.copyOf(s.out, s.count);
  }
}
