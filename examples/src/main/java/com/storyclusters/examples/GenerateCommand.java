package com.storyclusters.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code storyclusters generate}: a syndicated corpus at scale, with gold labels. Without
 * {@code --source}, and without the project's data folder, it says what it needs (exit 2); it
 * exits 1 when it cannot (a missing {@code --source} file, unwritable output).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes N articles as JSON Lines with gold labels: each story (real BBC text, "
        + "or a word-substituted variant of it) published by one to six sites with their own "
        + "chrome, trimmed endings, light edits and appended related articles. Deterministic for "
        + "a seed."})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--articles", paramLabel = "N", required = true,
      description = "number of articles")
  int count;

  @Option(names = "--output", paramLabel = "FILE", required = true,
      description = "articles JSONL to write")
  Path output;

  @Option(names = "--gold", paramLabel = "FILE", required = true,
      description = "gold JSONL to write")
  Path gold;

  /** Where the project's development data keeps the BBC News articles, beside the repository. */
  static final Path DEFAULT_SOURCE = Path.of("../shared/data/bbc-news/articles.jsonl");

  @Option(names = "--source", paramLabel = "FILE", description = "real articles to vary: JSON "
      + "Lines with \"text\" (and \"title\"), e.g. the BBC News corpus (default: "
      + "${DEFAULT-VALUE}, the project's data folder, if there)")
  Path source = DEFAULT_SOURCE;

  @Option(names = "--seed", paramLabel = "N", description = "random seed (default: "
      + "${DEFAULT-VALUE})")
  long seed = 1;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new ParameterException(spec.commandLine(), "--articles must be at least 0, not "
          + count);
    }
    if (!Files.isRegularFile(source)) {
      if (!spec.commandLine().getParseResult().hasMatchedOption("--source")) {
        throw new ParameterException(spec.commandLine(), "generate needs real articles to vary: "
            + "give --source FILE, a JSON Lines file of articles with \"text\" (and \"title\"),"
            + " such as the BBC News corpus (the default, " + source + ", is not there)");
      }
      System.err.println("storyclusters: source articles not found: " + source
          + " (--source)");
      return Failures.FAILED;
    }
    List<String[]> rows; // text, title
    try {
      rows = Jsonl.readAll(source, (a, n) -> {
        if (a.get("text") == null) {
          throw new Jsonl.BadLineException("line " + n + ": no \"text\"", n);
        }
        return new String[] {a.get("text").asText(),
            a.get("title") == null ? "" : a.get("title").asText()};
      });
    } catch (java.io.IOException e) {
      System.err.println("storyclusters: " + e.getMessage());
      return Failures.FAILED;
    }
    List<String> texts = rows.stream().map(r -> r[0]).toList();
    List<String> titles = rows.stream().map(r -> r[1]).toList();
    CorpusGenerator g = new CorpusGenerator(texts, titles, seed);
    try (var a = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        var b = Files.newBufferedWriter(gold, StandardCharsets.UTF_8)) {
      g.write(count, a, b);
    }
    return 0;
  }
}
