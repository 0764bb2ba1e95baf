package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Explain's sentence: for a linked pair, the clause of the inside rule that held (the first that
 * does), never a failed comparison written as a passed one; for two articles of one source that
 * do not link, the same-source rule, not a lead rule they passed.
 */
class ReasonTest {
  private static MatchScores linked(double cNew, double cMatch, double verbatim) {
    return new MatchScores(Math.max(cNew, cMatch), cNew, cMatch, 0.3, 0.3, 0, 0, 0.9, 0.8,
        verbatim, true);
  }

  @Test
  void aLinkedPairNamesTheInsideClauseThatHeld() {
    Settings d;
    try (StoryClusters sc = StoryClusters.builder().build()) {
      d = sc.settings();
    }
    String shorter = Passages.reason(linked(0.7, 0.4, 0.1), d, false);
    org.junit.jupiter.api.Assertions.assertTrue(shorter.endsWith("it is the shorter (its"
        + " containment in the second 0.700 >= 0.400 of the second in it)"), shorter);
    String share = Passages.reason(linked(0.3, 0.6, 0.1), d, false);
    org.junit.jupiter.api.Assertions.assertTrue(share.endsWith("the longer, but 0.300 of it is the"
        + " second (>= 0.20)"), share);
    String verbatim = Passages.reason(linked(0.17, 0.73, 0.89), d, false);
    org.junit.jupiter.api.Assertions.assertTrue(verbatim.endsWith("the longer and mostly its own"
        + " (0.170 of it is the second, < 0.20), but a lead is carried verbatim (0.89 >= 0.80)"),
        verbatim);
    org.junit.jupiter.api.Assertions.assertTrue(verbatim.startsWith("copies: weighted containment"
        + " 0.730 >= 0.150, both texts share their lead (0.90 and 0.80 of the lead windows >="
        + " 0.25)"), verbatim);
  }

  @Test
  void sameSourceBelowItsThresholdIsNotCalledCrossCarried() {
    String t = "The council approved the new budget on Tuesday after a long debate about school"
        + " funding and road repairs in the northern districts of the city.\nOfficials said the"
        + " plan would take effect next month and run through the end of the year with quarterly"
        + " reviews by an independent panel of auditors and residents of the area.";
    try (StoryClusters sc = StoryClusters.builder().minLeadShare(0).minScoreSameSource(1).build()) {
      sc.add(Article.builder("a").source("s").text(t).build());
      // b opens with a sentence of its own, so the two do not open alike
      sc.add(Article.builder("b").source("s").text("Heavy rain fell across Springfield"
          + " overnight, flooding several basements downtown. " + t.replace("Tuesday", "Monday")).build());
      PairExplanation e = sc.explain("b", "a");
      assertFalse(e.scores().linked());
      assertFalse(e.reason().contains("carries the other's story"), e.reason());
      org.junit.jupiter.api.Assertions.assertTrue(e.reason().startsWith("not copies: two articles"
          + " of one source need weighted containment 1.00"), e.reason());
    }
  }
}
