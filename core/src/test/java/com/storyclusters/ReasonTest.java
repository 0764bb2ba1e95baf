package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Explain's sentence when the lead fields were never computed (minLeadShare 0). */
class ReasonTest {
  @Test
  void sameSourceBelowItsThresholdIsNotCalledCrossCarried() {
    String t = "The council approved the new budget on Tuesday after a long debate about school"
        + " funding and road repairs in the northern districts of the city.\nOfficials said the"
        + " plan would take effect next month and run through the end of the year with quarterly"
        + " reviews by an independent panel of auditors and residents of the area.";
    try (StoryClusters sc = StoryClusters.builder().minLeadShare(0).minScoreSameSource(1).build()) {
      sc.add(Article.builder("a").source("s").text(t).build());
      sc.add(Article.builder("b").source("s").text(t.replace("Tuesday", "Monday")).build());
      PairExplanation e = sc.explain("b", "a");
      assertFalse(e.scores().linked());
      assertFalse(e.reason().contains("carries the other's story"), e.reason());
      org.junit.jupiter.api.Assertions.assertTrue(e.reason().contains("one source"), e.reason());
    }
  }
}
