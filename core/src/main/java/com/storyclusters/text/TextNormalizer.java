package com.storyclusters.text;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Canonical form of article text, applied before tokenizing.
 *
 * <p>In order: lone UTF-16 surrogates and control characters (except line breaks) become spaces;
 * HTML entities are decoded (Commons Text, repeated until none is left, so {@code &amp;amp;}
 * decodes fully); Unicode NFKC; case folding with {@link Locale#ROOT} (never the default locale,
 * so Turkish dotted/dotless i does not depend on the JVM); curly and straight quotes, apostrophes
 * and dash variants unified to ASCII; Arabic-script letter variants unified (Arabic yeh and alef
 * maksura to Farsi yeh {@code ی}, Arabic kaf to keheh {@code ک}, teh marbuta and heh goal forms to
 * {@code ہ}), Arabic diacritics (harakat, superscript alef) and tatweel removed; zero-width
 * characters and the BOM removed; runs of horizontal whitespace collapsed to one space and runs of
 * line breaks to one {@code '\n'}; each line trimmed. Line structure is kept because boilerplate is
 * recognised line by line.
 *
 * <p>The function is idempotent: {@code normalize(normalize(s)).equals(normalize(s))} for every
 * string (a property-based test checks it). It is stateless and thread-safe. Null is rejected with
 * a {@link NullPointerException}; the empty string normalizes to itself.
 */
public final class TextNormalizer {
  private static final TextNormalizer INSTANCE = new TextNormalizer();
  private static final int MAX_PASSES = 4;

  private TextNormalizer() {}

  /** The shared instance (the normalizer has no state). */
  public static TextNormalizer get() {
    return INSTANCE;
  }

  /**
   * Returns the canonical form of {@code text}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public String normalize(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String fast = fastPath(text);
    if (fast != null) {
      return fast;
    }
    return slowPath(text);
  }

  /** The general path: every step in order, repeated until nothing changes. */
  static String slowPath(String text) {
    String current = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = onePass(current);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  private static String onePass(String text) {
    String s = nfkc(scrubCharacters(text));
    s = s.toLowerCase(Locale.ROOT);
    if (s.indexOf('&') >= 0) {
      for (int i = 0; i < MAX_PASSES; i++) {
        String decoded = StringEscapeUtils.unescapeHtml4(s);
        if (decoded.equals(s)) {
          break;
        }
        s = decoded;
      }
      s = nfkc(scrubCharacters(s)).toLowerCase(Locale.ROOT);
    }
    s = nfkc(mapCharacters(s));
    return collapseWhitespace(s);
  }

  /**
   * One pass over text made only of ASCII, Latin-1 and the common quotes and dashes, giving exactly
   * what {@link #slowPath} gives (a property-based test compares them); null for any other text,
   * or text that may hold an HTML entity, which then takes the slow path. News in Latin script is
   * almost always of this kind, so it costs one scan and one copy. Each char is treated as {@link
   * #fastAction} says.
   */
  static String fastPath(String text) {
    int len = text.length();
    char[] out = new char[len];
    text.getChars(0, len, out, 0); // read from the same array we write: n <= i always
    int n = 0;
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    for (int i = 0; i < len; i++) {
      char c = out[i];
      int action = c < 0x100 ? LATIN1[c] : fastAction(c);
      if (action < 0) {
        if (action == FAST_BREAK) {
          pendingBreak = true;
          continue;
        } else if (action == FAST_SPACE) {
          pendingSpace = true; // space, tab and other controls (the slow path makes them spaces)
          continue;
        } else if (action == FAST_SKIP) {
          continue;
        } else if (action != FAST_AMPERSAND || mayStartEntity(out, len, i)) {
          return null;
        }
        action = '&';
      }
      if (n > 0) {
        if (pendingBreak) {
          out[n++] = '\n';
        } else if (pendingSpace) {
          out[n++] = ' ';
        }
      }
      pendingBreak = false;
      pendingSpace = false;
      out[n++] = (char) action;
    }
    return new String(out, 0, n);
  }

  /** {@link #fastAction}: a line break; runs of breaks and spaces become one {@code '\n'}. */
  public static final int FAST_BREAK = -1;
  /** {@link #fastAction}: horizontal space; a run of them becomes one {@code ' '}. */
  public static final int FAST_SPACE = -2;
  /**
   * {@link #fastAction}: {@code '&'}, which stays as it is unless an HTML entity may start there
   * ({@link #mayStartEntity}); then the text is not for the fast path.
   */
  public static final int FAST_AMPERSAND = -3;
  /** {@link #fastAction}: the char is dropped (the soft hyphen). */
  public static final int FAST_SKIP = -4;
  /** {@link #fastAction}: the text is not for the fast path. */
  public static final int FAST_NONE = -5;

  /**
   * What the fast path ({@link #normalize} of text in ASCII, Latin-1 and the common quotes and
   * dashes) does with one char: the char it writes in its place (0 or more), or {@link
   * #FAST_BREAK}, {@link #FAST_SPACE}, {@link #FAST_AMPERSAND}, {@link #FAST_SKIP} or {@link
   * #FAST_NONE}. Separators are written between non-blank chars only: none leads or trails. For
   * callers that normalize within a loop of their own; they must give what {@link #normalize}
   * gives.
   */
  public static int fastAction(char c) {
    if (c < 0x80) {
      return ASCII[c];
    }
    if (c <= 0xFF) {
      if (c <= 0xA0) {
        return FAST_SPACE; // C1 controls (NEL too) and the no-break space
      }
      switch (c) {
        case 0xA8: case 0xAA: case 0xAF: case 0xB2: case 0xB3: case 0xB5: case 0xB8: case 0xB9:
        case 0xBA: case 0xBC: case 0xBD: case 0xBE: case 0xB4:
          return FAST_NONE; // compatibility decompositions
        case 0xAD:
          return FAST_SKIP; // soft hyphen
        case 0xAB: case 0xBB:
          return '"';
        default:
          return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 32 : c;
      }
    }
    if (c >= 0x2010 && c <= 0x2015) {
      return '-';
    } else if (c >= 0x2018 && c <= 0x201B) {
      return '\'';
    } else if (c >= 0x201C && c <= 0x201F) {
      return '"';
    } else if (c == 0x2212) {
      return '-';
    } else if (c == 0x20AC || c == 0x2022) {
      return c; // euro sign, bullet: stable
    }
    return FAST_NONE;
  }

  /** What the fast path does with each ASCII char: the char to write, or a FAST_ code. */
  private static final int[] ASCII = new int[0x80];
  /** {@link #fastAction} of each char below 0x100. */
  private static final int[] LATIN1 = new int[0x100];

  static {
    for (int c = 0; c < 0x80; c++) {
      if (c >= 'A' && c <= 'Z') {
        ASCII[c] = c + 32;
      } else if (c == '\n' || c == '\r') {
        ASCII[c] = FAST_BREAK;
      } else if (c <= ' ' || c == 0x7F) {
        ASCII[c] = FAST_SPACE;
      } else if (c == '&') {
        ASCII[c] = FAST_AMPERSAND;
      } else if (c == '`') {
        ASCII[c] = '\'';
      } else {
        ASCII[c] = c;
      }
    }
    for (int c = 0; c < 0x100; c++) {
      LATIN1[c] = fastAction((char) c);
    }
  }

  /**
   * Whether an HTML entity ({@code &name;} or {@code &#...;}) may start at {@code text[i]}, an
   * {@code '&'}, reading no further than {@code text[length - 1]}.
   */
  public static boolean mayStartEntity(char[] text, int length, int i) {
    int end = Math.min(length, i + 34);
    for (int j = i + 1; j < end; j++) {
      char c = text[j];
      if (c == ';') {
        return j > i + 1;
      }
      if (!(c == '#' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return false;
  }

  /** NFKC, skipping the copy when the text is already normalized (the common case). */
  private static String nfkc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFKC)
        ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  /** Whether {@link #mapCharacters} would change {@code c}. */
  private static boolean mapped(char c) {
    if (c < 0x80) {
      return c == '`' || c == '\r';
    }
    return c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B' || c == '\u2032'
        || c == '\u00B4' || c == '\u02BC' || (c >= '\u201C' && c <= '\u201F') || c == '\u2033'
        || c == '\u00AB' || c == '\u00BB' || (c >= '\u300C' && c <= '\u300F')
        || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE58' || c == '\uFE63'
        || c == '\u064A' || c == '\u0649' || c == '\u0643' || c == '\u0629' || c == '\u06C3'
        || c == '\u06C2' || c == '\u0647' || c == '\u0640' || (c >= '\u200B' && c <= '\u200D')
        || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c == '\u2028' || c == '\u2029'
        || c == '\u0085' || (c >= '\u064B' && c <= '\u065F') || c == '\u0670';
  }

  /** Replaces lone surrogates and control characters (but line breaks) with a space. */
  private static String scrubCharacters(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
        bad = true;
      } else {
        bad = Character.isLowSurrogate(c)
            || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
      }
      if (bad && out == null) {
        out = new StringBuilder(n);
        out.append(s, 0, i);
      }
      if (out != null) {
        out.append(bad ? ' ' : c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Quote, dash and Arabic-script unification; removal of marks and zero-width characters. */
  private static String mapCharacters(String s) {
    int first = 0;
    while (first < s.length() && !mapped(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u2032': case '\u00B4':
        case '\u0060': case '\u02BC':
          out.append('\'');
          break;
        case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033': case '\u00AB':
        case '\u00BB': case '\u300C': case '\u300D': case '\u300E': case '\u300F':
          out.append('"');
          break;
        case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015':
        case '\u2212': case '\uFE58': case '\uFE63':
          out.append('-');
          break;
        case '\u064A': case '\u0649': // Arabic yeh, alef maksura -> Farsi yeh
          out.append('\u06CC');
          break;
        case '\u0643': // Arabic kaf -> keheh
          out.append('\u06A9');
          break;
        case '\u0629': case '\u06C3': case '\u06C2': case '\u0647': // teh marbuta, heh variants -> heh goal
          out.append('\u06C1');
          break;
        case '\u0640': // tatweel
        case '\u200B': case '\u200C': case '\u200D': case '\u2060': case '\uFEFF': case '\u00AD':
          break;
        case '\r': case '\u2028': case '\u2029': case '\u0085':
          out.append('\n');
          break;
        default:
          if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') {
            break; // Arabic harakat and superscript alef
          }
          out.append(c);
      }
    }
    return out.toString();
  }

  private static String collapseWhitespace(String s) {
    if (isCollapsed(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        pendingBreak = true;
        pendingSpace = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = true;
      } else {
        if (out.length() > 0) {
          if (pendingBreak) {
            out.append('\n');
          } else if (pendingSpace) {
            out.append(' ');
          }
        }
        pendingBreak = false;
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code s} is already in collapsed form: single ' ' or '\n' between non-blanks. */
  private static boolean isCollapsed(String s) {
    char prev = '\n';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean blank = c == ' ' || c == '\n';
      if (blank) {
        if (prev == ' ' || prev == '\n') {
          return false; // leading, doubled or mixed separators
        }
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
      prev = c;
    }
    return prev != ' ' && prev != '\n' || s.isEmpty();
  }
}
