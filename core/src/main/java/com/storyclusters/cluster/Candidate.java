package com.storyclusters.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An indexed article found for a query and its hits: the number of anchor shingles of the query
 * it holds. Immutable; internal.
 */
public record Candidate(Evidence evidence, int hits) {
  /**
   * The one ranking rule for candidates, whatever their source: most hits first, then smallest
   * article id by {@link #compareIds} (never an internal doc id, which merges change).
   */
  public static final Comparator<Candidate> ORDER = Comparator.comparingInt(
      (Candidate c) -> -c.hits).thenComparing(c -> c.evidence.id(), Candidate::compareIds);

  /**
   * Article ids in code point order, which is the byte order of their UTF-8 form (the order of
   * the index's sorted ids, so ties are broken there without decoding every id). It differs from
   * {@link String#compareTo} only between supplementary characters and U+E000..U+FFFF.
   */
  public static int compareIds(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) != Character.isSurrogate(y)) {
          return Character.isSurrogate(x) ? 1 : -1; // a surrogate starts a larger code point
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  public String id() {
    return evidence.id();
  }

  /**
   * The first {@code max} of several ranked lists by {@link #ORDER}, leaving out {@code excluded}
   * (an id, or null). The top of the union is the union of the tops, so each source needs to give
   * only its own first {@code max} (one more when an id is excluded).
   */
  @SafeVarargs
  public static List<Candidate> top(int max, String excluded, List<Candidate>... ranked) {
    List<Candidate> all = new ArrayList<>();
    for (List<Candidate> r : ranked) {
      for (Candidate c : r) {
        if (excluded == null || !excluded.equals(c.id())) {
          all.add(c);
        }
      }
    }
    if (ranked.length > 1) { // one list is in order already
      all.sort(ORDER);
    }
    return all.size() > max ? new ArrayList<>(all.subList(0, max)) : all;
  }
}
