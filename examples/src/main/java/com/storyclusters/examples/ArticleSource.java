package com.storyclusters.examples;

import com.storyclusters.Article;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where {@code cluster} reads its input from: the articles of INPUT, in input order, into a sink
 * (which says whether to go on after a bad line). {@link #LOCAL} reads a JSON Lines file,
 * standard input ({@code -}) or a folder on this machine; a batch engine (the {@code spark}
 * module) supplies its own, so that its command is this one, options, output and failures
 * included.
 */
@FunctionalInterface
public interface ArticleSource {
  /** This machine's reader: {@code ArticleReader}. */
  ArticleSource LOCAL = ArticleReader::read;

  /**
   * Reads every article of {@code input} into {@code sink}, on the calling thread, in input
   * order; stops when the sink says so.
   *
   * @param followLinks in a folder, also read links that lead outside it
   * @throws IOException if the input cannot be read, or the sink throws it
   */
  void read(Path input, boolean followLinks, Jsonl.Sink<Article> sink) throws IOException;

  /** What a batch engine decided for one article ({@link #decideAll}). */
  record Decision(String line, Article article, com.storyclusters.Assignment assignment) {}

  /** Receives decisions in input order. */
  @FunctionalInterface
  interface Decisions {
    void accept(Decision d) throws IOException;
  }

  /**
   * Decides the whole input itself, as a batch engine does (an input clustered without a
   * retention window or a report, into no index or a new one): each article's output line, in
   * input order, exactly the one the library gives when the articles are added in order. Bad
   * lines and warnings go to {@code sink} first, in input order, stopping when it says so (then
   * there are no decisions). False when the source leaves the input to the library (the
   * default; also an engine's answer for inputs it does not decide, such as one whose ids
   * repeat), before anything reaches {@code sink} or {@code decisions}.
   *
   * @param settings the library's settings (without an index folder)
   * @param withArticles whether each decision carries its article and assignment (cluster, best
   *     match, scores), for {@code StoryClusters.recordAll}; else they are null
   * @param quiet whether to leave out the engine's report on stderr
   * @throws IOException if the input cannot be read, or {@code decisions} throws it
   */
  default boolean decideAll(Path input, com.storyclusters.Settings settings,
      boolean withArticles, boolean quiet, Jsonl.Sink<Article> sink, Decisions decisions)
      throws IOException {
    return false;
  }
}
