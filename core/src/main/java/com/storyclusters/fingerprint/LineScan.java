package com.storyclusters.fingerprint;

import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.TextNormalizer;
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
  /** {@link #classOf} each char below 0x100. */
  private static final int[] LATIN1 = new int[0x100];

  static {
    for (int c = 0; c < LATIN1.length; c++) {
      LATIN1[c] = classOf((char) c);
    }
  }

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
  /** {@link #scanRaw} only: the normalized text, {@code text[0, length)}. */
  char[] text;
  int length;

  // the current line's shingle window (the rolling hash of Shingler)
  private final int size;
  private final long dropFactor;
  private final long[] window;
  private long rolling;
  private int lineTokens;
  private int slot;
  /** The word being read: its hash so far, and whether it has a character yet. */
  private long token = Tokenizer.TOKEN_HASH_START;
  private boolean inToken;

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
   */
  static LineScan scan(char[] text, int length, int size) {
    LineScan r = new LineScan(size, length);
    long textHash = Prepared.CHAR_HASH_START;
    int from = 0;
    while (true) {
      // one line: [from, to)
      long lineHash = Prepared.CHAR_HASH_START;
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
        r.feed(Tokenizer.kind(cp), cp);
      }
      r.endToken();
      r.endLine(from, i, lineHash);
      if (i >= length) {
        break;
      }
      textHash = (textHash ^ '\n') * FNV_PRIME;
      from = i + 1;
    }
    r.textHash = Tokenizer.fmix64(textHash);
    r.trim();
    return r;
  }

  /**
   * Normalizes {@code raw} as {@link TextNormalizer#normalize} does when its fast path applies and
   * scans the result as {@link #scan} does, in the same pass; null when the fast path does not
   * apply. The normalized text is {@code text[0, length)}. The text hash is taken behind chars that
   * left the char hash in state {@code hashStart} ({@link Prepared#CHAR_HASH_START} for none): the
   * caller knows whether the text will follow its title only after the scan, so it guesses.
   */
  static LineScan scanRaw(String raw, int size, long hashStart) {
    int len = raw.length();
    char[] buf = new char[len];
    raw.getChars(0, len, buf, 0); // normalized in place: n <= i always
    LineScan r = new LineScan(size, len);
    long textHash = hashStart;
    long lineHash = Prepared.CHAR_HASH_START;
    int pending = 0; // 0, FAST_SPACE or FAST_BREAK: the separator owed before the next char
    int n = 0;
    int lineFrom = 0;
    for (int i = 0; i < len; i++) {
      char c = buf[i];
      int t = c < 0x100 ? LATIN1[c] : classOf(c);
      if (t < 0) { // a separator ends a token whatever follows; a break, a line
        if (t == TextNormalizer.FAST_SKIP) {
          continue;
        }
        r.endToken();
        if (t == TextNormalizer.FAST_SPACE) {
          pending = pending == 0 ? TextNormalizer.FAST_SPACE : pending;
          continue;
        } else if (t == TextNormalizer.FAST_BREAK) {
          if (pending != TextNormalizer.FAST_BREAK && n > 0) {
            r.endLine(lineFrom, n, lineHash);
          }
          pending = TextNormalizer.FAST_BREAK;
          continue;
        } else if (t != TextNormalizer.FAST_AMPERSAND || TextNormalizer.mayStartEntity(buf, len, i)) {
          return null;
        }
        t = '&' | Tokenizer.SEPARATOR << 16;
      }
      if (pending != 0) {
        if (n > 0) {
          if (pending == TextNormalizer.FAST_BREAK) {
            lineHash = Prepared.CHAR_HASH_START;
            buf[n++] = '\n';
            lineFrom = n;
            textHash = (textHash ^ '\n') * FNV_PRIME;
          } else {
            buf[n++] = ' ';
            lineHash = (lineHash ^ ' ') * FNV_PRIME;
            textHash = (textHash ^ ' ') * FNV_PRIME;
          }
        }
        pending = 0;
      }
      char a = (char) t;
      buf[n++] = a;
      lineHash = (lineHash ^ a) * FNV_PRIME;
      textHash = (textHash ^ a) * FNV_PRIME;
      r.feed(t >>> 16, a);
    }
    r.endToken();
    if (pending != TextNormalizer.FAST_BREAK && n > 0) {
      r.endLine(lineFrom, n, lineHash);
    }
    r.text = buf;
    r.length = n;
    r.textHash = Tokenizer.fmix64(textHash);
    r.trim();
    return r;
  }

  /**
   * What {@link #scanRaw} does with {@code c}: a negative {@link TextNormalizer#fastAction} code,
   * or the char written ({@code fastAction}) in the low 16 bits and its {@link Tokenizer#kind}
   * above them.
   */
  private static int classOf(char c) {
    int a = TextNormalizer.fastAction(c);
    return a < 0 ? a : a | Tokenizer.kind(a) << 16; // the fast path writes no surrogate
  }

  /**
   * The scan of {@code head + '\n' + tail} from the scans of its two parts ({@code offset} is
   * {@code head}'s length plus one); the text hash is left to the caller.
   */
  static LineScan concat(LineScan head, LineScan tail, int offset) {
    LineScan r = new LineScan(head.size, 0);
    int lines = head.lines + tail.lines;
    r.lines = lines;
    r.starts = Arrays.copyOf(head.starts, lines);
    r.ends = Arrays.copyOf(head.ends, lines);
    r.keys = Arrays.copyOf(head.keys, lines);
    r.tokens = Arrays.copyOf(head.tokens, lines);
    r.shingleStart = Arrays.copyOf(head.shingleStart, lines + 1);
    for (int i = 0; i < tail.lines; i++) {
      r.starts[head.lines + i] = tail.starts[i] + offset;
      r.ends[head.lines + i] = tail.ends[i] + offset;
      r.shingleStart[head.lines + i + 1] = tail.shingleStart[i + 1] + head.shingleCount;
    }
    System.arraycopy(tail.keys, 0, r.keys, head.lines, tail.lines);
    System.arraycopy(tail.tokens, 0, r.tokens, head.lines, tail.lines);
    r.shingleCount = head.shingleCount + tail.shingleCount;
    r.shingles = Arrays.copyOf(head.shingles, r.shingleCount);
    System.arraycopy(tail.shingles, 0, r.shingles, head.shingleCount, tail.shingleCount);
    return r;
  }

  /** Ends the current line, {@code [from, to)}: its short shingle, its entry if not empty. */
  private void endLine(int from, int to, long lineHash) {
    if (lineTokens > 0 && lineTokens < size) {
      append(Tokenizer.fmix64(rolling + lineTokens)); // Shingler.finish
    }
    if (to > from) {
      line(from, to, Tokenizer.fmix64(lineHash)); // the line's key in every source (LineKeys)
    }
    rolling = 0;
    lineTokens = 0;
    slot = 0;
  }

  private void trim() {
    starts = Arrays.copyOf(starts, lines);
    ends = Arrays.copyOf(ends, lines);
    keys = Arrays.copyOf(keys, lines);
    tokens = Arrays.copyOf(tokens, lines);
    shingleStart = Arrays.copyOf(shingleStart, lines + 1);
  }

  /** One code point of a line, of token kind {@code kind} ({@link Tokenizer#kind}). */
  private void feed(int kind, int cp) {
    if (kind == Tokenizer.WORD) {
      token = Tokenizer.feedToken(token, cp);
      inToken = true;
      return;
    }
    endToken();
    if (kind == Tokenizer.SINGLE) { // a character that is a token of its own
      token(Tokenizer.fmix64(Tokenizer.feedToken(Tokenizer.TOKEN_HASH_START, cp)));
    }
  }

  /** Ends the word being read, if any: it becomes the line's next token. */
  private void endToken() {
    if (inToken) {
      token(Tokenizer.fmix64(token));
      token = Tokenizer.TOKEN_HASH_START;
      inToken = false;
    }
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
