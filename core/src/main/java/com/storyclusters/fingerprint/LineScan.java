package com.storyclusters.fingerprint;

import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.Tokenizer;
import java.util.Arrays;

/**
 * One pass over normalized text that yields what {@link Prepared} holds of it: the non-empty lines'
 * bounds, keys and token counts, their shingles and the text's hash. It gives exactly what {@link
 * Tokenizer#tokenize} and a {@link Shingler} give line by line (and {@link Prepared#hashChars} per
 * line and over the whole text), but reads each char once, hashes as it goes and calls nothing per
 * token. Internal.
 */
final class LineScan {
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Number of non-empty lines; the line arrays hold exactly this many entries. */
  int lines;
  int[] starts = new int[16];
  int[] ends = new int[16];
  long[] keys = new long[16];
  int[] tokens = new int[16];
  /** Shingles of all lines, {@link #shingleCount} of them valid. */
  long[] shingles;
  int shingleCount;
  /** Shingles of line i start at shingleStart[i]; shingleStart[lines] is the total. */
  int[] shingleStart = new int[17];
  long textHash;

  // the current line's shingle window (the rolling hash of Shingler)
  private final int size;
  private final long dropFactor;
  private final long[] window;
  private long rolling;
  private int lineTokens;
  private int slot;

  private LineScan(int size, int length) {
    this.size = size;
    this.window = new long[size];
    long f = 1;
    for (int i = 0; i < size; i++) {
      f *= Shingler.MULTIPLIER;
    }
    this.dropFactor = f;
    this.shingles = new long[Math.max(16, length / 4)];
  }

  /**
   * Scans {@code text[0, length)}.
   *
   * @param size tokens per shingle
   * @param sourceSeed the source's token hash, mixed into each line key
   */
  static LineScan scan(char[] text, int length, int size, long sourceSeed) {
    LineScan r = new LineScan(size, length);
    long seed = sourceSeed * 31;
    long textHash = Prepared.CHAR_HASH_START;
    int from = 0;
    while (true) {
      // one line: [from, to)
      r.rolling = 0;
      r.lineTokens = 0;
      r.slot = 0;
      long lineHash = Prepared.CHAR_HASH_START;
      long token = Tokenizer.TOKEN_HASH_START;
      boolean inToken = false;
      int i = from;
      for (; i < length; i++) {
        char c = text[i];
        if (c == '\n') {
          break;
        }
        lineHash = (lineHash ^ c) * FNV_PRIME;
        textHash = (textHash ^ c) * FNV_PRIME;
        int cp = c;
        if (Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(text[i + 1])) {
          char low = text[++i];
          lineHash = (lineHash ^ low) * FNV_PRIME;
          textHash = (textHash ^ low) * FNV_PRIME;
          cp = Character.toCodePoint(c, low);
        }
        int kind = Tokenizer.kind(cp);
        if (kind == Tokenizer.WORD) {
          token = Tokenizer.feedToken(token, cp);
          inToken = true;
        } else {
          if (inToken) {
            r.token(Tokenizer.fmix64(token));
            token = Tokenizer.TOKEN_HASH_START;
            inToken = false;
          }
          if (kind == Tokenizer.SINGLE) {
            r.token(Tokenizer.fmix64(Tokenizer.feedToken(Tokenizer.TOKEN_HASH_START, cp)));
          }
        }
      }
      if (inToken) {
        r.token(Tokenizer.fmix64(token));
      }
      if (r.lineTokens > 0 && r.lineTokens < size) {
        r.append(Tokenizer.fmix64(r.rolling + r.lineTokens)); // Shingler.finish
      }
      if (i > from) {
        r.line(from, i, Tokenizer.fmix64(seed + Tokenizer.fmix64(lineHash)));
      }
      if (i >= length) {
        break;
      }
      textHash = (textHash ^ '\n') * FNV_PRIME;
      from = i + 1;
    }
    r.textHash = Tokenizer.fmix64(textHash);
    r.starts = Arrays.copyOf(r.starts, r.lines);
    r.ends = Arrays.copyOf(r.ends, r.lines);
    r.keys = Arrays.copyOf(r.keys, r.lines);
    r.tokens = Arrays.copyOf(r.tokens, r.lines);
    r.shingleStart = Arrays.copyOf(r.shingleStart, r.lines + 1);
    return r;
  }

  /** {@link Shingler#token}: one more token of the current line. */
  private void token(long hash) {
    rolling = rolling * Shingler.MULTIPLIER + hash;
    if (lineTokens >= size) {
      rolling -= window[slot] * dropFactor;
    }
    window[slot] = hash;
    slot = slot + 1 == size ? 0 : slot + 1;
    lineTokens++;
    if (lineTokens >= size) {
      append(Tokenizer.fmix64(rolling + size));
    }
  }

  private void append(long shingle) {
    if (shingleCount == shingles.length) {
      shingles = Arrays.copyOf(shingles, shingleCount * 2);
    }
    shingles[shingleCount++] = shingle;
  }

  private void line(int from, int to, long key) {
    if (lines == starts.length) {
      int n = lines * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      keys = Arrays.copyOf(keys, n);
      tokens = Arrays.copyOf(tokens, n);
      shingleStart = Arrays.copyOf(shingleStart, n + 1);
    }
    starts[lines] = from;
    ends[lines] = to;
    keys[lines] = key;
    tokens[lines] = lineTokens;
    lines++;
    shingleStart[lines] = shingleCount;
  }
}
