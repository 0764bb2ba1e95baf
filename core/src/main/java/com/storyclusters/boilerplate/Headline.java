package com.storyclusters.boilerplate;

/**
 * Finds where a page's own article starts: the line that is its title (or the title's main part,
 * "headline | site"), in the first half of the text. What comes before it (site chrome,
 * navigation, teasers of other stories, whose leads would otherwise be the page's lead) is not the
 * article. Stateless; internal.
 */
public final class Headline {
  /** Titles shorter than this ("News") are not looked for. */
  static final int MIN_HEADLINE_CHARS = 12;

  private Headline() {}

  /**
   * Start (char offset) of the first line in the first half of {@code text} that is {@code title}
   * or its {@link #mainPart}; -1 if none or the title is too short to look for.
   */
  public static int lineOf(String text, String title) {
    String main = mainPart(title);
    if (main.length() < MIN_HEADLINE_CHARS) {
      return -1;
    }
    int limit = text.length() / 2;
    int whole = lineAt(text, title, limit);
    int part = main.equals(title) ? -1 : lineAt(text, main, limit);
    return whole < 0 ? part : part < 0 ? whole : Math.min(whole, part);
  }

  /**
   * Whether the title already opens the text: it, or its {@link #mainPart}, occurs within the
   * text's first {@code 2 * title.length() + 200} chars (a main part under {@link
   * #MIN_HEADLINE_CHARS} only when it is the whole first line: "News" somewhere near the start
   * says nothing, the first line "Lee in Tokyo" under the title "Lee in Tokyo | site" does).
   */
  public static boolean opens(String text, String title) {
    String main = mainPart(title);
    String head = text.substring(0, Math.min(text.length(), 2 * title.length() + 200));
    return head.contains(title) || (main.length() >= MIN_HEADLINE_CHARS && head.contains(main))
        || (!main.isEmpty() && text.startsWith(main)
            && (text.length() == main.length() || text.charAt(main.length()) == '\n'));
  }

  /** Start of the first line at or before {@code limit} that is exactly {@code line}; -1 if none. */
  private static int lineAt(String text, String line, int limit) {
    if (line.isEmpty()) {
      return -1;
    }
    for (int at = text.indexOf(line); at >= 0 && at <= limit; at = text.indexOf(line, at + 1)) {
      int end = at + line.length();
      if ((at == 0 || text.charAt(at - 1) == '\n')
          && (end == text.length() || text.charAt(end) == '\n')) {
        return at;
      }
    }
    return -1;
  }

  /**
   * The longest part of a title between " | " or " - " separators (the first of equal ones); the
   * title if it has none. Splits as {@code Pattern.compile(" [|-] ").split(title)} does, without
   * a regex.
   */
  static String mainPart(String title) {
    int bestFrom = 0;
    int bestLength = 0;
    int from = 0;
    int n = title.length();
    for (int i = 0; i + 2 < n; i++) {
      char c = title.charAt(i + 1);
      if (title.charAt(i) == ' ' && (c == '|' || c == '-') && title.charAt(i + 2) == ' ') {
        if (i - from > bestLength) {
          bestFrom = from;
          bestLength = i - from;
        }
        from = i + 3;
        i += 2;
      }
    }
    if (n - from > bestLength) {
      bestFrom = from;
      bestLength = n - from;
    }
    String longest = title.substring(bestFrom, bestFrom + bestLength);
    return longest.isBlank() ? title : longest.strip();
  }
}
