package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoryClusters#recordAll}, a batch engine's backfill: articles recorded with the
 * assignments {@code addAll} gives them make the index {@code addAll} would have made, so later
 * adds (in this instance, or after a reopen) decide exactly as if everything had been added.
 */
class RecordAllTest {
  @TempDir Path tmp;

  private static List<Assignment> library(List<Article> input) {
    try (StoryClusters sc = StoryClusters.builder().build()) {
      return sc.addAll(input, 2);
    }
  }

  @Test
  void aRecordedPrefixIsContinuedAsAddsWould() throws Exception {
    List<Article> input = BatchIdentityTest.corpus(1500, 11, false);
    List<Assignment> expected = library(input);
    int k = 1100; // past the one-article epochs, inside an epoch
    List<Article> first = input.subList(0, k);
    List<Article> rest = input.subList(k, input.size());
    try (StoryClusters sc = StoryClusters.builder().build()) {
      assertEquals(expected.subList(0, k), sc.recordAll(first, expected.subList(0, k), 2));
      assertEquals(expected.subList(k, input.size()), sc.addAll(rest, 2));
    }
    Path dir = tmp.resolve("index");
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      sc.recordAll(first, expected.subList(0, k), 1);
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir).build()) {
      assertEquals(k, sc.size());
      assertEquals(expected.subList(k, input.size()), sc.addAll(rest, 2));
    }
  }

  @Test
  void badCallsAreRefusedAndLoseNothing() throws Exception {
    List<Article> input = BatchIdentityTest.corpus(20, 3, false);
    List<Assignment> expected = library(input);
    try (StoryClusters sc = StoryClusters.builder().build()) {
      assertThrows(IllegalArgumentException.class,
          () -> sc.recordAll(input, expected.subList(0, 19), 1));
      assertThrows(IllegalArgumentException.class,
          () -> sc.recordAll(input.subList(0, 2), List.of(expected.get(1), expected.get(0)), 1));
      assertEquals(0, sc.size());
      sc.recordAll(input.subList(0, 10), expected.subList(0, 10), 1);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sc.recordAll(input.subList(9, 10), expected.subList(9, 10), 1));
      assertEquals("article " + input.get(9).id() + " is indexed already", e.getMessage());
      assertEquals(10, sc.size());
      assertEquals(expected.subList(10, 20), sc.addAll(input.subList(10, 20), 1));
    }
  }
}
