package com.storyclusters;

import com.storyclusters.cluster.PairScorer;

import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What an explanation says: the passages two texts share, and why they are or are not copies. */
final class Passages {
  private Passages() {}

  /** Up to {@code max} passages of at least two consecutive shared shingles, longest first. */
  static List<String> shared(String text, int[] otherSet, int shingleSize, int max) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      List<int[]> tokens = new ArrayList<>();
      Tokenizer.tokenize(line, (h, s, e) -> tokens.add(new int[] {s, e}));
      long[] shingles = Shingler.shingles(line, shingleSize);
      int runStart = -1;
      for (int i = 0; i <= shingles.length; i++) {
        boolean in = i < shingles.length
            && Arrays.binarySearch(otherSet, (int) (shingles[i] >>> 32)) >= 0;
        if (in && runStart < 0) {
          runStart = i;
        } else if (!in && runStart >= 0) {
          if (i - runStart >= 2) {
            int lastToken = Math.min(tokens.size() - 1, i - 1 + shingleSize - 1);
            out.add(line.substring(tokens.get(runStart)[0], tokens.get(lastToken)[1]));
          }
          runStart = -1;
        }
      }
    }
    out.sort((x, y) -> Integer.compare(y.length(), x.length()));
    return new ArrayList<>(out.subList(0, Math.min(max, out.size())));
  }

  /** Which clause of {@link PairScorer#insideMatch} a linked pair passed: the first that holds. */
  private static String inside(MatchScores s, Settings settings) {
    if (s.containmentOfNew() >= s.containmentOfMatch()) {
      return String.format(java.util.Locale.ROOT, "it is the shorter (its containment in the"
          + " second %.3f >= %.3f of the second in it)", s.containmentOfNew(),
          s.containmentOfMatch());
    }
    if (s.containmentOfNew() >= settings.minContainmentOfNew()) {
      return String.format(java.util.Locale.ROOT, "the longer, but %.3f of it is the second"
          + " (>= %.2f)", s.containmentOfNew(), settings.minContainmentOfNew());
    }
    return String.format(java.util.Locale.ROOT, "the longer and mostly its own (%.3f of it is the"
        + " second, < %.2f), but a lead is carried verbatim (%.2f >= %.2f)",
        s.containmentOfNew(), settings.minContainmentOfNew(), s.leadVerbatim(),
        settings.minLeadVerbatim());
  }

  /**
   * Why a pair is or is not a copy, in one sentence.
   *
   * @param sameSource whether both articles come from one named source
   */
  static String reason(MatchScores s, Settings settings, boolean sameSource) {
    if (s.linked()) {
      String source = !sameSource || s.score() >= settings.minScoreSameSource() ? ""
          : String.format(java.util.Locale.ROOT, "; two articles of one source, under %.2f but"
              + " opening with the same lead, carried verbatim", settings.minScoreSameSource());
      return String.format(java.util.Locale.ROOT,
          "copies: weighted containment %.3f >= %.3f, both texts share their lead (%.2f and %.2f"
              + " of the lead windows >= %.2f), and the first is inside the second: %s%s",
          s.score(), settings.minScore(), s.leadShareOfNew(), s.leadShareOfMatch(),
          settings.minLeadShare(), inside(s, settings), source);
    }
    if (s.score() < settings.minScore()) {
      return String.format(java.util.Locale.ROOT,
          "not copies: weighted containment %.3f < %.3f", s.score(), settings.minScore());
    }
    boolean leads = s.leadShareOfNew() >= settings.minLeadShare()
        && s.leadShareOfMatch() >= settings.minLeadShare();
    boolean computed = s.leadOfNew() >= 0 || s.leadOfMatch() >= 0 || s.leadShareOfNew() > 0
        || s.leadShareOfMatch() > 0 || s.leadVerbatim() > 0;
    if (!computed) { // the leads are looked at only once the score passes
      return String.format(java.util.Locale.ROOT,
          "not copies: containment %.3f is under the pair's threshold (%.3f) or a text is under %d"
              + " shingles", s.score(), settings.minScore(), settings.minShingles());
    }
    if (leads && sameSource && !PairScorer.sameSourceAlike(s.score(), s.leadVerbatim(),
        s.leadOfNew(), s.leadOfMatch(), settings.minScoreSameSource(),
        settings.minLeadVerbatim())) {
      return String.format(java.util.Locale.ROOT,
          "not copies: two articles of one source need weighted containment %.2f (%.3f) or the"
              + " same opening carried verbatim (lead verbatim %.2f, needs %.2f; first shared"
              + " runs at shingles %d and %d, need both under %d)", settings.minScoreSameSource(),
          s.score(), s.leadVerbatim(), settings.minLeadVerbatim(), s.leadOfNew(), s.leadOfMatch(),
          PairScorer.OPENING_SHINGLES);
    }
    if (leads && PairScorer.insideMatch(s.containmentOfNew(), s.containmentOfMatch(),
        s.leadVerbatim(), settings.minContainmentOfNew(), settings.minLeadVerbatim())) {
      return "not copies: each page carries the other's story, under its own headline story"
          + " (each lead is mostly in the other text, but not in the other's lead)";
    }
    if (leads) {
      return String.format(java.util.Locale.ROOT,
          "not copies: the first text is the longer and mostly its own (containment in the"
              + " second %.3f < %.3f of the second in it, and < %.2f) and neither lead is carried"
              + " verbatim (%.2f < %.2f): independent reports of one event", s.containmentOfNew(),
          s.containmentOfMatch(), settings.minContainmentOfNew(), s.leadVerbatim(),
          settings.minLeadVerbatim());
    }
    return String.format(java.util.Locale.ROOT,
        "not copies: containment %.3f is enough but the texts do not share their leads (at least"
            + " %.2f of each lead window; first shared run at shingle %d and %d) or a text is"
            + " under %d shingles",
        s.score(), settings.minLeadShare(), s.leadOfNew(), s.leadOfMatch(), settings.minShingles());
  }
}
