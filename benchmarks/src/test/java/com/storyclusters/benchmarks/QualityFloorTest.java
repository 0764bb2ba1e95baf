package com.storyclusters.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.examples.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Quality is guarded: the development sets ({@code ../shared/data}, outside the repository) are
 * clustered with the defaults and must reach the floors of README's Quality table, precision and
 * non-derived pairs first, so that no change costs precision silently. Skipped where the data is
 * not present.
 */
class QualityFloorTest {
  private static final Path DATA = Path.of("../../shared/data");

  @Test
  void theDefaultsKeepTheQualityFloors() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("counter-dev")),
        "the development data is not at " + DATA.toAbsolutePath());
    Map<String, Metrics> m = new java.util.HashMap<>();
    for (QualityHarness.Set s : QualityHarness.sets(DATA)) {
      m.put(s.name(), QualityHarness.run(s, Map.of()));
    }
    assertTrue(m.keySet().containsAll(List.of("counter-dev/gold-copies",
        "ecbplus-dev/gold-stories", "seeds/gold-copies")), m.keySet().toString());
    Metrics counter = m.get("counter-dev/gold-copies");
    String got = counter.summary();
    // floors: README Quality, the defaults' row (issue 12's protocol chose them)
    assertTrue(counter.precision() >= 0.939, got);
    assertTrue(counter.linked("ND") <= 0.013, got);
    assertTrue(counter.linked("WD") >= 0.811, got);
    assertTrue(counter.linked("PD") >= 0.220, got);
    assertTrue(m.get("ecbplus-dev/gold-stories").precision() >= 0.999,
        m.get("ecbplus-dev/gold-stories").summary());
    Metrics seeds = m.get("seeds/gold-copies");
    assertEquals(1.0, seeds.ari(), 1e-9, seeds.summary());
  }
}
