package com.storyclusters.examples;

import com.storyclusters.Settings;
import com.storyclusters.SettingsMismatchException;
import com.storyclusters.StoryClusters;
import com.storyclusters.minhash.MinHasher;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The library's tuning settings ({@link Settings.Builder}) as options of {@code cluster}: one
 * option per setter, named after it ({@code minScore} is {@code --min-score}; {@code leadWindow}
 * is {@code --lead-shingles} and {@code --lead-fraction}, {@code minContainmentOfNew} is {@code
 * --min-containment-of-new} and {@code --min-lead-verbatim}). Each default is the library's,
 * read from {@link #DEFAULTS}, so {@code --help} shows what a run without the option uses; the
 * builder checks each value and a bad one is a usage error naming the option.
 */
final class SettingsOptions {
  /** The library's defaults: the settings of a builder nothing was set on. */
  static final Settings DEFAULTS = StoryClusters.builder().settings();

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The options, under their own heading in {@code --help}. */
  @ArgGroup(validate = false, heading = "%nLibrary settings (Settings.Builder; those recorded in "
      + "the index must match an existing --index):%n")
  Values values = new Values();

  /** The settings' options; a new instance holds the library's defaults. */
  static final class Values {
    @Option(names = "--shingle-size", paramLabel = "N", description = "words per shingle "
        + "(default: ${DEFAULT-VALUE}; recorded in the index)")
    int shingleSize = DEFAULTS.shingleSize();

    @Option(names = "--signature-size", paramLabel = "K", description = "MinHash values per "
        + "signature (default: ${DEFAULT-VALUE}; recorded in the index)")
    int signatureSize = DEFAULTS.signatureSize();

    @Option(names = "--seed", paramLabel = "N", converter = DecodedLong.class,
        description = "MinHash seed, decimal or 0x hex (default: ${DEFAULT-VALUE}; recorded in "
            + "the index)")
    long seed = DEFAULTS.seed();

    @Option(names = "--scheme", paramLabel = "SCHEME", description = "MinHash scheme: "
        + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; recorded in the index)")
    MinHasher.Scheme scheme = DEFAULTS.scheme();

    @Option(names = "--min-score", paramLabel = "S", description = "minimum weighted "
        + "containment of the smaller text in the larger, in (0, 1] (default: ${DEFAULT-VALUE})")
    double minScore = DEFAULTS.minScore();

    @Option(names = "--min-score-same-source", paramLabel = "S", description = "the same, when "
        + "both articles come from one named source (default: ${DEFAULT-VALUE})")
    double minScoreSameSource = DEFAULTS.minScoreSameSource();

    @Option(names = "--lead-shingles", paramLabel = "N", description = "lead window: at least N "
        + "shingles, in [0, 128] (default: ${DEFAULT-VALUE})")
    int leadShingles = DEFAULTS.leadShingles();

    @Option(names = "--lead-fraction", paramLabel = "F", description = "lead window: at least "
        + "this share of the text, in [0, 0.3] (default: ${DEFAULT-VALUE})")
    double leadFraction = DEFAULTS.leadFraction();

    @Option(names = "--min-lead-share", paramLabel = "F", description = "share of each text's "
        + "lead window the other must hold, in [0, 1] (default: ${DEFAULT-VALUE})")
    double minLeadShare = DEFAULTS.minLeadShare();

    @Option(names = "--min-containment-of-new", paramLabel = "F", description = "weighted "
        + "containment in its match a new text longer than the match needs, in [0, 1]; 0: off"
        + " (default: ${DEFAULT-VALUE})")
    double minContainmentOfNew = DEFAULTS.minContainmentOfNew();

    @Option(names = "--min-lead-verbatim", paramLabel = "F", description = "unless a lead lies "
        + "in verbatim shared runs for this share of it, in [0, 1] (default: ${DEFAULT-VALUE})")
    double minLeadVerbatim = DEFAULTS.minLeadVerbatim();

    @Option(names = "--min-shingles", paramLabel = "N", description = "texts with fewer "
        + "distinct shingles match nothing (default: ${DEFAULT-VALUE})")
    int minShingles = DEFAULTS.minShingles();

    @Option(names = "--max-text-chars", paramLabel = "N", description = "characters of a text "
        + "fingerprinted (default: ${DEFAULT-VALUE})")
    int maxTextChars = DEFAULTS.maxTextChars();

    @Option(names = "--max-shingles", paramLabel = "N", description = "shingles kept per text "
        + "(default: ${DEFAULT-VALUE})")
    int maxShingles = DEFAULTS.maxShingles();

    @Option(names = "--max-candidates", paramLabel = "N", description = "candidates verified "
        + "per article (default: ${DEFAULT-VALUE})")
    int maxCandidates = DEFAULTS.maxCandidates();

    @Option(names = "--max-anchors", paramLabel = "N", description = "rare shingles looked up "
        + "per article, in [0, 512] (default: ${DEFAULT-VALUE})")
    int maxAnchors = DEFAULTS.maxAnchors();

    @Option(names = "--boilerplate", negatable = true, fallbackValue = "true",
        description = "remove each source's recurring lines (default: ${DEFAULT-VALUE})")
    boolean boilerplate = DEFAULTS.boilerplate();

    @Option(names = "--fingerprint-title", negatable = true, fallbackValue = "true",
        description = "fingerprint the title as the text's first line (default: "
            + "${DEFAULT-VALUE}; recorded in the index)")
    boolean fingerprintTitle = DEFAULTS.fingerprintTitle();

    @Option(names = "--frequency-bits", paramLabel = "B", description = "shingle frequency "
        + "table of 2^(B+2) bytes, in [10, 28] (default: ${DEFAULT-VALUE})")
    int frequencyBits = DEFAULTS.frequencyBits();

    @Option(names = "--retention", paramLabel = "DURATION", converter = Retention.class,
        description = "evict articles published longer than this before the latest: 30d, 12h, "
            + "90m or ISO-8601 (P30D) (default: none, keep all)")
    Duration retention = DEFAULTS.retention();
  }

  /** The option that sets each setting the index records (its name in the mismatch). */
  private static final Map<String, String> RECORDED = Map.of("shingleSize", "--shingle-size",
      "k", "--signature-size", "seed", "--seed", "scheme", "--scheme", "title",
      "--[no-]fingerprint-title");

  /**
   * Sets every setting on {@code builder}, one setter at a time, so that a value the builder
   * refuses is named by its option.
   *
   * @throws ParameterException naming the option and the builder's reason
   */
  Settings.Builder apply(Settings.Builder b) {
    Values v = values;
    set("--shingle-size", v.shingleSize, () -> b.shingleSize(v.shingleSize));
    set("--signature-size", v.signatureSize, () -> b.signatureSize(v.signatureSize));
    set("--seed", v.seed, () -> b.seed(v.seed));
    set("--scheme", v.scheme, () -> b.scheme(v.scheme));
    set("--min-score", v.minScore, () -> b.minScore(v.minScore));
    set("--min-score-same-source", v.minScoreSameSource,
        () -> b.minScoreSameSource(v.minScoreSameSource));
    // two-value setters: the first value alone (with the library's second), then both
    set("--lead-shingles", v.leadShingles,
        () -> b.leadWindow(v.leadShingles, DEFAULTS.leadFraction()));
    set("--lead-fraction", v.leadFraction, () -> b.leadWindow(v.leadShingles, v.leadFraction));
    set("--min-lead-share", v.minLeadShare, () -> b.minLeadShare(v.minLeadShare));
    set("--min-containment-of-new", v.minContainmentOfNew,
        () -> b.minContainmentOfNew(v.minContainmentOfNew, DEFAULTS.minLeadVerbatim()));
    set("--min-lead-verbatim", v.minLeadVerbatim,
        () -> b.minContainmentOfNew(v.minContainmentOfNew, v.minLeadVerbatim));
    set("--min-shingles", v.minShingles, () -> b.minShingles(v.minShingles));
    set("--max-text-chars", v.maxTextChars, () -> b.maxTextChars(v.maxTextChars));
    set("--max-shingles", v.maxShingles, () -> b.maxShingles(v.maxShingles));
    set("--max-candidates", v.maxCandidates, () -> b.maxCandidates(v.maxCandidates));
    set("--max-anchors", v.maxAnchors, () -> b.maxAnchors(v.maxAnchors));
    set("--boilerplate", v.boilerplate, () -> b.boilerplate(v.boilerplate));
    set("--fingerprint-title", v.fingerprintTitle, () -> b.fingerprintTitle(v.fingerprintTitle));
    set("--frequency-bits", v.frequencyBits, () -> b.frequencyBits(v.frequencyBits));
    set("--retention", v.retention, () -> b.retention(v.retention));
    return b;
  }

  private void set(String option, Object value, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParameterException(mixee.commandLine(), "invalid value for option '" + option
          + "': " + value + ": " + e.getMessage());
    }
  }

  /**
   * A settings mismatch with an existing index, for the command line: the library's message
   * (the setting and both values) and the option that sets it, with the index's value where the
   * option takes it as is.
   */
  static String describe(SettingsMismatchException e) {
    String option = RECORDED.get(e.setting());
    if (option == null) {
      return e.getMessage();
    }
    String matching = switch (e.setting()) {
      case "title" -> (Boolean.parseBoolean(e.indexValue()) ? "--fingerprint-title"
          : "--no-fingerprint-title") + " opens it";
      default -> option + " " + e.indexValue() + " opens it";
    };
    return e.getMessage() + " (" + matching + ")";
  }

  /** A long in decimal, or hexadecimal with 0x ({@link Long#decode}). */
  static final class DecodedLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return Long.decode(value.strip());
    }
  }

  /** A duration: {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, or ISO-8601 ({@code P30D}). */
  static final class Retention implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      try {
        if (v.startsWith("p")) {
          return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 'd' -> Duration.ofDays(n);
          case 'h' -> Duration.ofHours(n);
          case 'm' -> Duration.ofMinutes(n);
          case 's' -> Duration.ofSeconds(n);
          default -> throw new IllegalArgumentException();
        };
      } catch (DateTimeParseException | IndexOutOfBoundsException | IllegalArgumentException
          | ArithmeticException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a "
            + "duration (30d, 12h, 90m, 45s or ISO-8601 such as P30D)");
      }
    }
  }
}
