package com.storyclusters.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.Settings;
import com.storyclusters.StoryClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code storyclusters cluster INPUT}: assigns every article of a corpus to a story cluster.
 *
 * <p>The output is written whole or not at all: an {@code --output} file appears only once the
 * index is closed without error; on standard output, a write error (full disk, closed pipe) ends
 * the run. A run that stops at a bad line, or fails, exits 1; one whose pipe reader went away
 * exits 141 quietly, as a shell reports a process killed by SIGPIPE.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
    description = {"Clusters a corpus: INPUT is a JSON Lines file of articles "
        + "({\"id\",\"source\",\"title\",\"text\",\"published\",\"language\"}), - for "
        + "JSON Lines on standard input, or a folder of .txt/.html files (one article each).",
        "Writes one JSON line per input article, in input order: id, cluster, new, bestMatch and "
        + "its scores."})
public final class ClusterCommand implements Callable<Integer> {
  /** The exit code when the reader of standard output went away: 128 + SIGPIPE. */
  static final int BROKEN_PIPE = 141;

  @ParentCommand
  CommandHost main;

  private final ArticleSource source;

  /** The command as {@code storyclusters} runs it: input read on this machine. */
  public ClusterCommand() {
    this(ArticleSource.LOCAL);
  }

  /** The command with its input read by {@code source} (a batch engine's). */
  public ClusterCommand(ArticleSource source) {
    this.source = source;
  }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = "JSONL file, - for standard "
      + "input, or folder of .txt/.html files")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "write here (atomically, only "
      + "on success) instead of stdout")
  Path output;

  @Option(names = "--index", paramLabel = "DIR", description = "persistent index folder; later "
      + "runs add to it (default: in memory)")
  Path index;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all "
      + "cores); results do not depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--on-error", paramLabel = "MODE", description = "on a malformed line: "
      + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  OnError onError = OnError.stop;

  @Option(names = "--commit-every", paramLabel = "N", description = "make the index durable "
      + "every N articles (default: ${DEFAULT-VALUE}; 0: only at the end)")
  int commitEvery = 10_000;

  @Option(names = "--no-store-text", negatable = false, description = "do not store the "
      + "fingerprinted text in the index (smaller, faster; explain then shows scores without "
      + "shared passages); recorded in the index")
  boolean noStoreText;

  @Option(names = "--follow-links", description = "in a folder INPUT, also read links that lead "
      + "outside it (default: skipped, with a warning)")
  boolean followLinks;

  @Option(names = "--report", paramLabel = "FILE", description = "also write an HTML report of "
      + "the clusters (as `report` does) after the run")
  Path report;

  @Option(names = "--quiet", description = "no progress line on stderr")
  boolean quiet;

  /** The library's settings, one option each. */
  @Mixin
  SettingsOptions settings = new SettingsOptions();

  enum OnError { stop, skip }

  private static final int BATCH = 2048;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not "
          + threads);
    }
    if (commitEvery < 0) {
      throw new ParameterException(spec.commandLine(), "--commit-every must be at least 0, not "
          + commitEvery);
    }
    Settings.Builder builder = settings.apply(StoryClusters.builder());
    if (!input.toString().equals(ArticleReader.STDIN) && !Files.exists(input)) {
      System.err.println("storyclusters: input not found: " + input);
      return Failures.FAILED;
    }
    if (index != null && Files.exists(index) && !Files.isDirectory(index)) {
      System.err.println("storyclusters: --index " + index + " is not a folder");
      return Failures.FAILED;
    }
    try (Output out = output == null ? Output.stdout(main.stdout()) : Output.file(output)) {
      int code = cluster(out, builder);
      if (code == 0) {
        out.commit();
      }
      return code;
    } catch (Output.WriteFailure e) {
      if (!e.brokenPipe()) {
        System.err.println("storyclusters: " + e.getMessage());
      }
      return e.brokenPipe() ? BROKEN_PIPE : Failures.FAILED;
    }
  }

  /**
   * Clusters the input into {@code out} and closes the index; returns 0 only when both succeeded.
   */
  private int cluster(Output out, Settings.Builder builder) throws IOException {
    String name = input.toString().equals(ArticleReader.STDIN) ? "standard input"
        : input.toString();
    Progress progress = new Progress(quiet);
    int[] bad = {0};
    long articles = 0;
    // the command commits itself, every --commit-every articles, with how far it has read
    boolean[] stopped = {false};
    Jsonl.Sink<Article> reports = new Jsonl.Sink<Article>() {
      @Override
      public void accept(Article article) {
        throw new IllegalStateException("batches come from the reader");
      }

      @Override
      public boolean bad(Jsonl.BadLineException e) {
        bad[0]++;
        System.err.println("storyclusters: " + name + ": " + e.getMessage());
        if (onError == OnError.stop) {
          stopped[0] = true;
          return false;
        }
        return true;
      }
    };
    if ((index == null || isNew(index)) && report == null
        && builder.settings().retention() == null) {
      try (EngineRun run = new EngineRun(index == null ? null
          : () -> builder.directory(index).storeText(!noStoreText).build(), out, commitEvery,
          threads)) {
        if (source.decideAll(input, builder.settings(), index != null, quiet, reports, run)) {
          long clusters = run.finish();
          if (stopped[0]) {
            System.err.println("storyclusters: stopped at the first bad line (--on-error skip "
                + "goes on)" + (output == null ? "" : "; no output written"));
            return Failures.FAILED;
          }
          progress.count += run.articles;
          progress.done((int) clusters);
          return finished(name, bad[0], run.articles);
        }
      }
    }
    try (StoryClusters sc = builder.directory(index).storeText(!noStoreText).build()) {
      Resume resume = new Resume(index == null || input.toString().equals(ArticleReader.STDIN)
          ? 0 : InputCheckpoint.resumable(sc.checkpoint(), input, followLinks));
      // input is read and parsed on its own thread, a batch or two ahead of the clustering
      // the input checkpoint is committed with an index only
      try (BatchReader reader = new BatchReader(sink -> source.read(input, followLinks,
          sink), BATCH, reports, index != null)) {
        for (BatchReader.Batch batch = reader.next(); batch != null; batch = reader.next()) {
          articles += batch.articles().size();
          flush(sc, batch, out, progress, resume);
        }
      }
      if (stopped[0]) {
        System.err.println("storyclusters: stopped at the first bad line (--on-error skip "
            + "goes on)" + (output == null ? "" : "; no output written"));
        return Failures.FAILED;
      }
      if (index != null) {
        sc.commit(resume.read.encode());
      }
      progress.done(sc.clusterCount());
      if (report != null) {
        Report.write(sc, report, index != null ? "index " + index : "input " + name);
      }
    }
    return finished(name, bad[0], articles);
  }

  /** Whether {@code folder} holds no index yet: missing or empty. */
  private static boolean isNew(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return true;
    }
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      return files.findAny().isEmpty();
    }
  }

  /** The closing notes of a run that succeeded: lines skipped, no articles. Returns 0. */
  private static int finished(String name, int bad, long articles) {
    if (bad > 0) {
      System.err.println("storyclusters: skipped " + bad + " bad line(s)");
    }
    if (articles == 0) {
      System.err.println("storyclusters: " + name + " holds no articles");
    }
    return 0;
  }

  /** Where this run is in its input, and how much of it a previous run committed. */
  private static final class Resume {
    final long committed;
    final InputCheckpoint read = new InputCheckpoint();
    long lastCommit;

    Resume(long committed) {
      this.committed = committed;
      this.lastCommit = committed;
    }
  }

  /**
   * Clusters a batch: its articles that a previous run committed are reported as the index records
   * them (not re-added: a superseded version would undo its update); the rest are added in runs
   * that end where a commit is due, so that each commit records how far the input was read.
   */
  private void flush(StoryClusters sc, BatchReader.Batch read, Output out, Progress progress,
      Resume resume) throws IOException {
    List<Article> batch = read.articles();
    int from = 0;
    while (from < batch.size()) {
      if (resume.read.articles() < resume.committed) {
        Article a = batch.get(from);
        resume.read.added(read.checkpoints()[from++]);
        out.line(Jsonl.write(toJson(sc.assignment(a.id()).orElseThrow(() -> new IOException(
            "article " + a.id() + " of the input's committed part is not in the index")))));
        progress.update(1, sc);
        continue;
      }
      int to = batch.size();
      if (index != null && commitEvery > 0) {
        long due = resume.lastCommit + commitEvery - resume.read.articles();
        to = (int) Math.min(to, from + due);
      }
      List<Article> run = batch.subList(from, to);
      List<Assignment> done = sc.addAll(run, threads);
      for (int k = from; k < to; k++) {
        resume.read.added(read.checkpoints()[k]);
      }
      for (Assignment a : done) {
        out.line(Jsonl.write(toJson(a)));
      }
      progress.update(done.size(), sc);
      if (index != null && commitEvery > 0
          && resume.read.articles() - resume.lastCommit >= commitEvery) {
        sc.commit(resume.read.encode());
        resume.lastCommit = resume.read.articles();
      }
      from = to;
    }
    out.flush();
  }

  /** An assignment as a line of the output (its fields, scores rounded to 4 places). */
  public static ObjectNode toJson(Assignment a) {
    ObjectNode n = Jsonl.newObject();
    n.put("id", a.articleId());
    n.put("cluster", a.clusterId());
    n.put("new", a.newCluster());
    if (a.unchanged()) {
      n.put("unchanged", true);
    }
    a.bestMatch().ifPresent(m -> n.put("bestMatch", m));
    a.scores().ifPresent(s -> {
      n.put("score", round(s.score()));
      n.put("containment", round(s.containmentOfNew()));
      n.put("containmentOfMatch", round(s.containmentOfMatch()));
      n.put("jaccard", round(s.jaccard()));
      n.put("minHashJaccard", round(s.minHashJaccard()));
    });
    if (!a.boilerplate().isEmpty()) {
      n.put("boilerplateLines", a.boilerplate().size());
    }
    return n;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** A progress line on stderr, at most every two seconds, for runs over a few seconds. */
  static final class Progress {
    private final boolean quiet;
    private final long start = System.nanoTime();
    private long last = start;
    long count;

    Progress(boolean quiet) {
      this.quiet = quiet;
    }

    void update(int n, StoryClusters sc) {
      count += n;
      long now = System.nanoTime();
      if (!quiet && now - last > 2_000_000_000L) {
        last = now;
        double secs = (now - start) / 1e9;
        System.err.printf(java.util.Locale.ROOT, "storyclusters: %,d articles, %,.0f/s, %,d "
            + "clusters, %.0f s%n", count, count / secs, sc.clusterCount(), secs);
      }
    }

    void done(int clusters) {
      double secs = (System.nanoTime() - start) / 1e9;
      if (!quiet && secs > 3) {
        System.err.printf(java.util.Locale.ROOT, "storyclusters: done: %,d articles, %,d clusters,"
            + " %.1f s, %,.0f articles/s%n", count, clusters, secs, count / secs);
      }
    }
  }
}
