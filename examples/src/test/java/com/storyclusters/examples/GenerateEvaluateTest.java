package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} without its source articles says what it needs; {@code evaluate} warns when
 * the gold and the predicted files share no ids and never prints NaN (issue 14, item 5).
 */
class GenerateEvaluateTest {
  private static final Path GOLD = Path.of("../samples/seeds/gold-copies.jsonl");

  @TempDir Path tmp;

  @Test
  void generateWithoutSourceSaysWhatItNeeds() {
    assumeFalse(Files.exists(GenerateCommand.DEFAULT_SOURCE), "the default source is here");
    Run r = Run.in("generate", "--articles", "3", "--output", tmp.resolve("a").toString(),
        "--gold", tmp.resolve("g").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains("--source FILE") && r.err().contains("\"text\""), r.err());
    assertFalse(Files.exists(tmp.resolve("a")));
  }

  @Test
  void evaluateWarnsWhenNoIdIsShared() throws Exception {
    Path other = Files.writeString(tmp.resolve("other.jsonl"),
        "{\"id\":\"x\",\"cluster\":\"x\"}\n{\"id\":\"y\",\"cluster\":\"x\"}\n");
    Run r = Run.in("evaluate", "--gold", GOLD.toString(), "--predicted", other.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("share no ids"), r.err());
    assertFalse(r.out().contains("NaN"), r.out());
    Run partly = Run.in("evaluate", "--gold", GOLD.toString(), "--predicted",
        Files.writeString(tmp.resolve("one.jsonl"), "{\"id\":\"seed-000\",\"cluster\":\"a\"}\n")
            .toString());
    assertEquals(0, partly.code(), partly.err());
    assertTrue(partly.err().contains("4 of 5 gold ids are not in"), partly.err());
    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
    Run none = Run.in("evaluate", "--gold", empty.toString(), "--predicted", other.toString());
    assertEquals(1, none.code(), none.err());
    assertTrue(none.oneErrorLine() && none.err().contains("holds no articles"), none.err());
  }

  @Test
  void metricsNeverPrintNaN() {
    String none = Metrics.of(Map.of(), Map.of(), null).summary();
    assertFalse(none.contains("NaN"), none);
    String disjoint = Metrics.of(Map.of("a", "1", "b", "1"), Map.of("c", "1"), Map.of("b", "WD"))
        .summary();
    assertFalse(disjoint.contains("NaN"), disjoint);
  }
}
