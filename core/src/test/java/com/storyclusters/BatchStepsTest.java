package com.storyclusters;

import com.storyclusters.batch.BatchSteps;
import com.storyclusters.batch.Fingerprinted;
import com.storyclusters.batch.LineQueries;
import com.storyclusters.batch.PartReplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch plan gives the library's assignments: {@link LocalBatch} (the steps, prefix sweeps and
 * parts) against {@code StoryClusters.addAll}, article by article.
 */
class BatchStepsTest {
  private static List<Assignment> library(List<Article> input) {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      return sc.addAll(input, 2);
    }
  }

  static void assertSameAssignments(List<Article> input) {
    List<Assignment> expected = library(input);
    LocalBatch batch = new LocalBatch(StoryClusters.builder().settings());
    List<Assignment> got = batch.run(input);
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(got.get(i))) {
        differing.add(expected.get(i) + "\n   batch: " + got.get(i));
      }
    }
    assertEquals(List.of(), differing.subList(0, Math.min(5, differing.size())),
        differing.size() + " of " + input.size() + " differ");
  }

  @Test
  void theSeeds() throws Exception {
    assertSameAssignments(new ArrayList<>(Seeds.load().values()));
  }

  @Test
  void aCorpusPastTheExactEpochs() throws Exception {
    assertSameAssignments(BatchIdentityTest.corpus(3000, 11, false));
  }
}
