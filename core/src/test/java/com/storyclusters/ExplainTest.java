package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An explanation of the pair that decided a cluster shows the scores the decision used. */
class ExplainTest {
  @Test
  void theDecidingPairIsExplainedWithTheScoresItsAssignmentUsed() throws Exception {
    Map<String, Article> seeds = Seeds.load();
    try (StoryClusters sc = StoryClusters.builder().build()) {
      sc.add(seeds.get("seed-000"));
      Assignment copy = sc.add(seeds.get("seed-003"));
      assertEquals("seed-000", copy.bestMatch().orElseThrow());
      // later articles change the document frequencies the scores are weighed by
      for (Article a : seeds.values()) {
        sc.add(Article.builder(a.id() + "-again").source("x").text(a.text()).build());
      }
      assertEquals(copy.scores().orElseThrow(), sc.explain("seed-003", "seed-000").scores());
      sc.commit(); // read back from the index as well
      assertEquals(copy.scores().orElseThrow(), sc.explain("seed-003", "seed-000").scores());
      // another pair is scored as if the first were added now
      assertNotEquals(copy.scores().orElseThrow(), sc.explain("seed-000", "seed-003").scores());
    }
  }
}
