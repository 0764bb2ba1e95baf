package com.storyclusters.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code cluster} when a batch engine decides the input ({@link ArticleSource#decideAll}): each
 * decision's line goes to the output, and with an index folder the articles are recorded there
 * with their decided assignments ({@link StoryClusters#recordAll}), committed every {@code
 * --commit-every} articles with how far the input was read, so the index is the one the library
 * would have written and a later run continues it. The index is opened (created) with the run and
 * closed by {@link #close}. Not thread-safe.
 */
final class EngineRun implements ArticleSource.Decisions, AutoCloseable {
  private static final int BATCH = 2048;
  private final Supplier<StoryClusters> index;
  private final Output out;
  private final int commitEvery;
  private final int threads;
  private final InputCheckpoint read = new InputCheckpoint();
  private final List<Article> articlesToRecord = new ArrayList<>();
  private final List<Assignment> toRecord = new ArrayList<>();
  private final StoryClusters sc;
  private long lastCommit;
  private long clusters;
  long articles;

  /**
   * Opens the new index first, so that an index that cannot be opened fails the run before any
   * output.
   *
   * @param index opens the new index; null: no index
   */
  EngineRun(Supplier<StoryClusters> index, Output out, int commitEvery, int threads) {
    this.index = index;
    this.out = out;
    this.commitEvery = commitEvery;
    this.threads = threads;
    this.sc = index == null ? null : index.get();
  }

  @Override
  public void accept(ArticleSource.Decision d) throws IOException {
    out.line(d.line());
    articles++;
    try {
      JsonNode n = Jsonl.object(d.line(), articles);
      clusters += n.get("new").asBoolean() ? 1 : 0;
    } catch (Jsonl.BadLineException e) {
      throw new IOException("the engine wrote a malformed line: " + e.getMessage(), e);
    }
    if (index == null) {
      return;
    }
    articlesToRecord.add(d.article());
    toRecord.add(d.assignment());
    if (articlesToRecord.size() >= BATCH
        || commitEvery > 0 && articles - lastCommit >= commitEvery) {
      record();
    }
  }

  private void record() {
    sc.recordAll(articlesToRecord, toRecord, threads);
    articlesToRecord.forEach(read::add);
    articlesToRecord.clear();
    toRecord.clear();
    if (commitEvery > 0 && articles - lastCommit >= commitEvery) {
      sc.commit(read.encode());
      lastCommit = articles;
    }
  }

  /** Records what is left and commits; returns the clusters started. */
  long finish() throws IOException {
    out.flush();
    if (index != null) {
      record();
      sc.commit(read.encode());
    }
    return clusters;
  }

  /**
   * Closes the index, if there is one: as the library path's close, that commits what was
   * recorded (without a checkpoint).
   */
  @Override
  public void close() {
    if (sc != null) {
      sc.close();
    }
  }
}
