package com.storyclusters.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storyclusters cluster INPUT}: assigns every article of a corpus to a story cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Clusters a corpus: INPUT is a JSON Lines file of articles "
        + "({\"id\",\"source\",\"title\",\"text\",\"published\",\"language\"}) or a folder of "
        + ".txt/.html files (one article each).",
        "Writes one JSON line per input article, in input order: id, cluster, new, bestMatch and "
        + "its scores."})
final class ClusterCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "JSONL file or folder of .txt/.html files")
  Path input;

  @Option(names = "--output", description = "write here (atomically) instead of stdout")
  Path output;

  @Option(names = "--index", description = "persistent index folder; later runs add to it "
      + "(default: in memory)")
  Path index;

  @Option(names = "--threads", description = "worker threads (default: all cores); "
      + "results do not depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--on-error", description = "on a malformed line: ${COMPLETION-CANDIDATES} "
      + "(default: ${DEFAULT-VALUE})")
  OnError onError = OnError.stop;

  @Option(names = "--commit-every", description = "make the index durable every N articles "
      + "(default: ${DEFAULT-VALUE}; 0: only at the end)")
  int commitEvery = 10_000;

  @Option(names = "--no-store-text", negatable = false, description = "do not store the "
      + "fingerprinted text in the index (smaller, faster; explain then shows scores without "
      + "shared passages); recorded in the index")
  boolean noStoreText;

  @Option(names = "--quiet", description = "no progress line on stderr")
  boolean quiet;

  enum OnError { stop, skip }

  private static final int BATCH = 2048;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(input)) {
      System.err.println("storyclusters: input not found: " + input);
      return 2;
    }
    Path tmp = null;
    Writer out;
    if (output != null) {
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, ".storyclusters-", ".tmp");
      out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    } else {
      out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }
    Progress progress = new Progress(quiet);
    int[] bad = {0};
    boolean ok = false;
    // the command commits itself, every --commit-every articles, with how far it has read
    try (StoryClusters sc = StoryClusters.builder().directory(index).storeText(!noStoreText)
        .build()) {
      Resume resume = new Resume(index == null ? 0
          : InputCheckpoint.resumable(sc.checkpoint(), input));
      boolean[] stopped = {false};
      // input is read and parsed on its own thread, a batch or two ahead of the clustering
      try (BatchReader reader = new BatchReader(input, BATCH, new Jsonl.Sink<Article>() {
        @Override
        public void accept(Article article) {
          throw new IllegalStateException("batches come from the reader");
        }

        @Override
        public boolean bad(Jsonl.BadLineException e) {
          bad[0]++;
          System.err.println("storyclusters: " + input + ": " + e.getMessage());
          if (onError == OnError.stop) {
            stopped[0] = true;
            return false;
          }
          return true;
        }
      })) {
        for (List<Article> batch = reader.next(); batch != null; batch = reader.next()) {
          flush(sc, batch, out, progress, resume);
        }
      }
      if (stopped[0]) {
        System.err.println("storyclusters: stopped at the first bad line (--on-error skip "
            + "goes on); no output written");
        return 1;
      }
      if (index != null) {
        sc.commit(resume.read.encode());
      }
      out.flush();
      progress.done(sc.clusterCount());
      ok = true;
    } catch (IllegalArgumentException | java.io.IOException e) {
      System.err.println("storyclusters: " + e.getMessage());
      return 1;
    } finally {
      if (output != null) {
        out.close();
        if (ok) {
          Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.deleteIfExists(tmp);
        }
      }
    }
    if (bad[0] > 0) {
      System.err.println("storyclusters: skipped " + bad[0] + " bad line(s)");
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
  private void flush(StoryClusters sc, List<Article> batch, Writer out, Progress progress,
      Resume resume) throws java.io.IOException {
    int from = 0;
    while (from < batch.size()) {
      if (resume.read.articles() < resume.committed) {
        Article a = batch.get(from++);
        resume.read.add(a);
        write(sc.assignment(a.id()).orElseThrow(() -> new java.io.IOException("article " + a.id()
            + " of the input's committed part is not in the index")), out);
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
      run.forEach(resume.read::add);
      for (Assignment a : done) {
        write(a, out);
      }
      progress.update(done.size(), sc);
      if (index != null && commitEvery > 0
          && resume.read.articles() - resume.lastCommit >= commitEvery) {
        sc.commit(resume.read.encode());
        resume.lastCommit = resume.read.articles();
      }
      from = to;
    }
  }

  private static void write(Assignment a, Writer out) throws java.io.IOException {
    out.write(Jsonl.write(toJson(a)));
    out.write('\n');
  }

  static ObjectNode toJson(Assignment a) {
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
    private long count;

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
