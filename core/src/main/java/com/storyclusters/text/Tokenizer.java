package com.storyclusters.text;

/**
 * Splits normalized text into tokens and reports each as a pinned 64-bit hash, allocating nothing
 * per token.
 *
 * <p>A token is a maximal run of letters, digits and combining marks (so Devanagari vowel signs
 * and Arabic-script letters stay inside their words), except in scripts written without spaces
 * (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar), where every character is a token of its own.
 * Everything else (spaces, punctuation, symbols, emoji) separates tokens: {@code said"small} gives
 * {@code said} and {@code small}.
 *
 * <p><b>Token hash (part of the index format; never changes silently):</b> 64-bit FNV-1a over the
 * token's Unicode code points, each code point one 32-bit unit ({@code h = (h ^ cp) *
 * 0x100000001b3}, from {@code 0xcbf29ce484222325}), finished with MurmurHash3's {@code fmix64}. {@link #hashToken(CharSequence)} computes the same value for a
 * single token and is checked against golden values in the tests.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Tokenizer() {}

  /**
   * Tokenizes {@code text[start, end)} and calls {@code sink} once per token, in order.
   *
   * @return the number of tokens reported
   */
  public static int tokenize(CharSequence text, int start, int end, TokenSink sink) {
    int count = 0;
    long hash = FNV_OFFSET;
    int tokenStart = -1;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      int cp = Character.isHighSurrogate(c) ? Character.codePointAt(text, i) : c;
      int next = i + Character.charCount(cp);
      int kind = kind(cp);
      if (kind == WORD) {
        if (tokenStart < 0) {
          tokenStart = i;
          hash = FNV_OFFSET;
        }
        hash = feed(hash, cp);
      } else {
        if (tokenStart >= 0) {
          sink.token(fmix64(hash), tokenStart, i);
          count++;
          tokenStart = -1;
        }
        if (kind == SINGLE) {
          sink.token(fmix64(feed(FNV_OFFSET, cp)), i, next);
          count++;
        }
      }
      i = next;
    }
    if (tokenStart >= 0) {
      sink.token(fmix64(hash), tokenStart, end);
      count++;
    }
    return count;
  }

  /** Tokenizes the whole of {@code text}. */
  public static int tokenize(CharSequence text, TokenSink sink) {
    return tokenize(text, 0, text.length(), sink);
  }

  /**
   * The pinned hash of one token, as {@link #tokenize} reports it. The argument is taken to be a
   * single token; it is not split.
   */
  public static long hashToken(CharSequence token) {
    long hash = FNV_OFFSET;
    for (int i = 0; i < token.length(); ) {
      int cp = Character.codePointAt(token, i);
      hash = feed(hash, cp);
      i += Character.charCount(cp);
    }
    return fmix64(hash);
  }

  /** {@link #kind}: the code point separates tokens. */
  public static final int SEPARATOR = 0;
  /** {@link #kind}: the code point is part of a word (a run of such code points is one token). */
  public static final int WORD = 1;
  /** {@link #kind}: the code point is a token of its own (scripts written without spaces). */
  public static final int SINGLE = 2;

  /** {@link #classify} of every code point below 0x100, so Latin text needs no Unicode lookup. */
  private static final byte[] LATIN1 = new byte[0x100];

  static {
    for (int c = 0; c < LATIN1.length; c++) {
      LATIN1[c] = (byte) classify(c);
    }
  }

  /**
   * What code point {@code cp} is to the tokenizer: {@link #SEPARATOR}, {@link #WORD} or {@link
   * #SINGLE}. For callers that tokenize in a loop of their own (they must agree with {@link
   * #tokenize}).
   */
  public static int kind(int cp) {
    return cp < 0x100 ? LATIN1[cp] : classify(cp);
  }

  /**
   * Feeds code point {@code cp} into a token hash that starts at {@link #TOKEN_HASH_START}; the
   * token's pinned hash is {@code fmix64} of the result.
   */
  public static long feedToken(long hash, int cp) {
    return (hash ^ cp) * FNV_PRIME;
  }

  /** The token hash before its first code point (see {@link #feedToken}). */
  public static final long TOKEN_HASH_START = FNV_OFFSET;

  private static int classify(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')
          ? WORD
          : SEPARATOR;
    }
    int type = Character.getType(cp);
    boolean wordChar = Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
    if (!wordChar) {
      return SEPARATOR;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    switch (script) {
      case HAN: case HIRAGANA: case KATAKANA: case THAI: case LAO: case KHMER: case MYANMAR:
        return SINGLE;
      default:
        return WORD;
    }
  }

  private static long feed(long hash, int cp) {
    return (hash ^ cp) * FNV_PRIME;
  }

  /** MurmurHash3's 64-bit finalizer: a bijection that spreads every input bit over the output. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
