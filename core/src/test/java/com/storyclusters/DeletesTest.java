package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removed and replaced articles stop counting at once, whatever Lucene's merges do. */
class DeletesTest {
  @TempDir Path tmp;

  private static final String CHROME =
      "Subscribe to our daily newsletter for the latest headlines delivered to your inbox every "
      + "morning before work";

  private static Article page(String id, String story, boolean chrome) {
    return Article.builder(id).source("site").text((chrome ? CHROME + "\n" : "") + story
        + " officials said on Monday after talks that ran late into the night in the capital\n"
        + "The agreement covers " + story + " trade and security and takes effect next year").build();
  }

  private static boolean chromeRemoved(StoryClusters sc, String id, String story) {
    return sc.add(page(id, story, true)).boilerplate().stream().anyMatch(l -> l.contains("newsletter"));
  }

  @Test
  void aLineOfRemovedOrReplacedArticlesIsNoLongerTheSourcesBoilerplate() {
    // control: two pages of the site carried the line, so the third has it removed
    try (StoryClusters sc = StoryClusters.builder().directory(tmp.resolve("control")).build()) {
      sc.add(page("a", "alpha", true));
      sc.add(page("b", "bravo", true));
      assertTrue(chromeRemoved(sc, "c", "charlie"));
    }
    // one page removed, the other replaced by a version without the line: it counts no more
    try (StoryClusters sc = StoryClusters.builder().directory(tmp.resolve("deleted")).build()) {
      sc.add(page("a", "alpha", true));
      sc.add(page("b", "bravo", true));
      sc.commit();
      sc.remove("a");
      sc.add(page("b", "bravo", false));
      assertFalse(chromeRemoved(sc, "c", "charlie"));
    }
  }
}
