package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.Settings;
import com.storyclusters.StoryClusters;
import com.storyclusters.minhash.MinHasher;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The library's settings on the command line (issue 14, item 5): every {@link Settings.Builder}
 * tuning setter has a {@code cluster} option, each option reaches the library, a value the
 * library refuses exits 2 naming the option, {@code --help} shows the library's defaults, and an
 * index built with other recorded settings is refused in one line, exit 1.
 */
class SettingsOptionsTest {
  private static final String SEEDS = Path.of("../samples/seeds/articles.jsonl").toString();
  private static final Settings DEFAULTS = StoryClusters.builder().settings();

  @TempDir Path tmp;

  /** An option, a value other than the default, and the setting it must give. */
  record Case(String option, String value, Function<Settings, Object> setting, Object expected) {
    List<String> args() {
      return value == null ? List.of(option) : List.of(option, value);
    }

    /** How {@code --help} names the option. */
    String helpName() {
      return option.startsWith("--no-") ? "--[no-]" + option.substring(5) : option + "=";
    }
  }

  static final List<Case> CASES = List.of(
      new Case("--shingle-size", "3", Settings::shingleSize, 3),
      new Case("--signature-size", "64", Settings::signatureSize, 64),
      new Case("--seed", "0x10", Settings::seed, 16L),
      new Case("--scheme", "CLASSIC", Settings::scheme, MinHasher.Scheme.CLASSIC),
      new Case("--min-score", "0.9", Settings::minScore, 0.9),
      new Case("--min-score-same-source", "0.8", Settings::minScoreSameSource, 0.8),
      new Case("--lead-shingles", "100", Settings::leadShingles, 100),
      new Case("--lead-fraction", "0.2", Settings::leadFraction, 0.2),
      new Case("--min-lead-share", "0.5", Settings::minLeadShare, 0.5),
      new Case("--min-containment-of-new", "0.3", Settings::minContainmentOfNew, 0.3),
      new Case("--min-lead-verbatim", "0.9", Settings::minLeadVerbatim, 0.9),
      new Case("--min-shingles", "20", Settings::minShingles, 20),
      new Case("--max-text-chars", "5000", Settings::maxTextChars, 5000),
      new Case("--max-shingles", "1000", Settings::maxShingles, 1000),
      new Case("--max-candidates", "8", Settings::maxCandidates, 8),
      new Case("--max-anchors", "16", Settings::maxAnchors, 16),
      new Case("--no-boilerplate", null, Settings::boilerplate, false),
      new Case("--no-fingerprint-title", null, Settings::fingerprintTitle, false),
      new Case("--frequency-bits", "16", Settings::frequencyBits, 16),
      new Case("--retention", "7d", Settings::retention, Duration.ofDays(7)));

  /** The settings {@code cluster} would open the index with, for these arguments. */
  static Settings parsed(String... args) {
    ClusterCommand command = new ClusterCommand();
    List<String> all = new ArrayList<>(List.of(args));
    all.add(SEEDS);
    new CommandLine(command).parseArgs(all.toArray(String[]::new));
    return command.settings.apply(StoryClusters.builder()).settings();
  }

  /** Builder setters that are not tuning: where and how the index is kept, not how it decides. */
  private static final Set<String> NOT_TUNING =
      Set.of("directory", "commitEvery", "storeText", "readOnly", "settings", "build");

  @Test
  void everyTuningSetterHasAnOption() {
    Set<String> setters = Arrays.stream(Settings.Builder.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !NOT_TUNING.contains(m.getName()))
        .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    // a setter of two values has an option for each
    Set<String> expected = new TreeSet<>();
    for (String setter : setters) {
      switch (setter) {
        case "leadWindow" -> expected.addAll(List.of("--lead-shingles", "--lead-fraction"));
        case "minContainmentOfNew" -> expected.addAll(
            List.of("--min-containment-of-new", "--min-lead-verbatim"));
        default -> expected.add("--" + setter.replaceAll("([A-Z])", "-$1")
            .toLowerCase(java.util.Locale.ROOT));
      }
    }
    Set<String> options = new CommandLine(new ClusterCommand()).getCommandSpec().argGroups()
        .stream().flatMap(g -> g.options().stream()).map(o -> o.longestName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, options, "Settings.Builder's setters and cluster's setting options");
    Set<String> tested = CASES.stream().map(c -> c.option().replace("--no-", "--"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, tested, "a case for each option");
  }

  @Test
  void withoutOptionsTheSettingsAreTheLibraryDefaults() throws Exception {
    Settings none = parsed();
    for (Method getter : Settings.class.getDeclaredMethods()) {
      if (Modifier.isPublic(getter.getModifiers()) && getter.getParameterCount() == 0
          && !getter.getName().equals("toBuilder")) {
        assertEquals(getter.invoke(DEFAULTS), getter.invoke(none), getter.getName());
      }
    }
  }

  @Test
  void eachOptionReachesTheLibrary() {
    for (Case c : CASES) {
      assertNotEquals(c.expected(), c.setting().apply(DEFAULTS), c.option() + ": not a default");
      Settings s = parsed(c.args().toArray(String[]::new));
      assertEquals(c.expected(), c.setting().apply(s), c.option());
      // and nothing else changed
      Settings only = parsed();
      for (Case other : CASES) {
        if (other != c) {
          assertEquals(other.setting().apply(only), other.setting().apply(s), c.option()
              + " changed " + other.option());
        }
      }
    }
    assertEquals(true, parsed("--boilerplate").boilerplate());
    assertEquals(Duration.ofHours(36), parsed("--retention", "PT36H").retention());
  }

  @Test
  void minScoreChangesTheSeedsClusters() {
    Run defaults = Run.in("cluster", SEEDS);
    assertEquals(0, defaults.code(), defaults.err());
    assertTrue(defaults.out().contains("{\"id\":\"seed-003\",\"cluster\":\"seed-000\""),
        defaults.out());
    Run strict = Run.in("cluster", SEEDS, "--min-score", "0.9");
    assertEquals(0, strict.code(), strict.err());
    assertTrue(strict.out().contains("{\"id\":\"seed-003\",\"cluster\":\"seed-003\""),
        strict.out());
  }

  @Test
  void aRefusedValueExits2NamingTheOption() {
    String[][] bad = {{"--shingle-size", "0"}, {"--signature-size", "4"}, {"--seed", "x"},
        {"--scheme", "BOGUS"}, {"--max-anchors", "0"}, {"--min-score", "0"},
        {"--min-score-same-source", "1.5"}, {"--lead-shingles", "200"},
        {"--lead-fraction", "0.5"}, {"--min-lead-share", "-1"},
        {"--min-containment-of-new", "2"}, {"--min-lead-verbatim", "-0.1"},
        {"--min-shingles", "0"}, {"--max-text-chars", "0"}, {"--max-shingles", "-3"},
        {"--max-candidates", "0"}, {"--max-anchors", "513"}, {"--frequency-bits", "9"},
        {"--retention", "0s"}, {"--retention", "3x"}, {"--max-shingles", "many"}};
    for (String[] b : bad) {
      Run r = Run.in("cluster", SEEDS, b[0], b[1]);
      String what = String.join(" ", b) + ": " + r.err();
      assertEquals(2, r.code(), what);
      assertTrue(r.oneErrorLine(), what);
      assertTrue(r.err().contains("'" + b[0] + "'"), what);
      assertEquals("", r.out(), what);
    }
  }

  @Test
  void helpShowsTheLibraryDefaults() {
    String width = System.getProperty("picocli.usage.width");
    System.setProperty("picocli.usage.width", "400"); // one line per option
    Run help;
    try {
      help = Run.in("cluster", "--help");
    } finally {
      if (width == null) {
        System.clearProperty("picocli.usage.width");
      } else {
        System.setProperty("picocli.usage.width", width);
      }
    }
    assertEquals(0, help.code());
    List<String> lines = help.out().lines().toList();
    for (Case c : CASES) {
      int at = 0;
      while (at < lines.size() && !lines.get(at).strip().startsWith(c.helpName())) {
        at++;
      }
      assertTrue(at < lines.size(), c.helpName() + " in\n" + help.out());
      // a long name has its description on the next line
      String entry = lines.get(at) + (at + 1 < lines.size()
          && !lines.get(at + 1).strip().startsWith("-") ? lines.get(at + 1) : "");
      Object d = c.setting().apply(DEFAULTS);
      assertTrue(entry.contains("(default: " + (d == null ? "none" : d)), entry);
    }
    assertTrue(help.out().contains("Library settings"), help.out());
  }

  @Test
  void anIndexOfOtherSettingsIsRefusedInOneLine() {
    String index = tmp.resolve("index").toString();
    Run first = Run.in("cluster", SEEDS, "--index", index, "--quiet");
    assertEquals(0, first.code(), first.err());
    Run other = Run.in("cluster", SEEDS, "--index", index, "--shingle-size", "3");
    assertEquals(1, other.code(), other.err());
    assertTrue(other.oneErrorLine(), other.err());
    assertTrue(other.err().contains("shingleSize=2") && other.err().contains("shingleSize=3"),
        other.err());
    assertTrue(other.err().contains("--shingle-size 2 opens it"), other.err());
    Run title = Run.in("cluster", SEEDS, "--index", index, "--no-fingerprint-title");
    assertEquals(1, title.code(), title.err());
    assertTrue(title.oneErrorLine() && title.err().contains("--fingerprint-title opens it"),
        title.err());
    // a setting the index does not record may change between runs
    Run looser = Run.in("cluster", SEEDS, "--index", index, "--min-score", "0.9", "--quiet");
    assertEquals(0, looser.code(), looser.err());
  }
}
