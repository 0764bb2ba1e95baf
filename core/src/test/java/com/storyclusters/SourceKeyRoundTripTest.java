package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line keys a delete takes out of the statistics (derived from the source as the index gives
 * it back) are the keys the add put in (derived from {@link Article#source}), whatever the source:
 * one with an unpaired surrogate too, which the index stores as U+FFFD and {@link Article} turns
 * into U+FFFD likewise. In memory and after a reopen, a page sees its source's chrome alike.
 */
class SourceKeyRoundTripTest {
  @TempDir Path tmp;

  private static final String BODY = "The council approved the new budget on Tuesday after a long"
      + " debate about school funding and road repairs in the northern districts of the city.\n"
      + "Officials said the plan would take effect next month and run through the end of the year"
      + " with quarterly reviews by an independent panel of auditors and residents.";
  private static final String CHROME = "Subscribe to our newsletter";

  private static Article page(String id, String source, String body) {
    return Article.builder(id).source(source).text(CHROME + "\n" + body).build();
  }

  private static int removedChrome(StoryClusters sc, String source) {
    Assignment a = sc.add(page("probe", source, "A wholly different report about a football"
        + " match that ended in a draw after extra time and a long spell of heavy rain in the"
        + " second half of the game."));
    return (int) a.boilerplate().stream().filter(l -> l.contains("subscribe")).count();
  }

  /** Add then delete: the statistics must be as if the page was never added. */
  void deleteUndoesAdd(String source) {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(page("p1", source, BODY));
      sc.remove("p1");
      assertEquals(0, removedChrome(sc, source), "source " + source.codePoints().boxed().toList());
    }
  }

  @Test
  void plainSource() {
    deleteUndoesAdd("site-a");
  }

  @Test
  void emptySource() {
    deleteUndoesAdd("");
  }

  @Test
  void sourceWithUnpairedSurrogate() {
    deleteUndoesAdd("site-\uD800");
  }

  /** In memory and after a reopen, a page of the source sees the source's chrome alike. */
  @Test
  void reopenKeepsSourceChrome() {
    String source = "site-\uD800";
    int inMemory;
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(page("p1", source, BODY));
      inMemory = removedChrome(sc, source);
    }
    Path dir = tmp.resolve("index");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.add(page("p1", source, BODY));
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(inMemory, removedChrome(sc, source));
    }
  }
}
