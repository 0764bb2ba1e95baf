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

  /** Three different stories: a line is chrome only when it recurs under different stories. */
  private static final java.util.Map<String, String> STORIES = java.util.Map.of(
      "alpha", "Flooding closed the northern railway for a week while engineers rebuilt two "
          + "bridges washed away by the storm\nFarmers along the valley counted losses of crops "
          + "and livestock as the river slowly fell",
      "bravo", "The central bank raised interest rates for the third time this year citing "
          + "stubborn inflation in housing and food\nEconomists expect borrowing costs to stay "
          + "high until wages stop outpacing productivity",
      "charlie", "A local football club unveiled plans for a new stadium seating forty thousand "
          + "fans near the old harbour\nThe council will vote next month on the transport links "
          + "the project needs before building can start");

  private static Article page(String id, String story, boolean chrome) {
    return Article.builder(id).source("site").text((chrome ? CHROME + "\n" : "")
        + STORIES.get(story)).build();
  }

  private static boolean chromeRemoved(StoryClusters sc, String id, String story) {
    return sc.add(page(id, story, true)).boilerplate().stream().anyMatch(l -> l.contains("newsletter"));
  }

  @Test
  void aLineOfRemovedOrReplacedArticlesIsNoLongerTheSourcesBoilerplate() {
    // control: two pages of the site, of two stories, carried the line: the third has it removed
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
