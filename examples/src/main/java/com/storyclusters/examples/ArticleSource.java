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

  /**
   * Decides the whole input itself, as a batch engine does (an input clustered in memory, with
   * no retention window and no report): the output lines of its articles' assignments, in input
   * order, exactly those the library gives when the articles are added in order. Bad lines and
   * warnings go to {@code sink} first, in input order, stopping when it says so (then the lines
   * are none). Null when the source leaves the input to the library (the default; also an
   * engine's answer for inputs it does not decide, such as one whose ids repeat).
   *
   * @param settings the library's settings (without an index folder)
   * @param quiet whether to leave out the engine's report on stderr
   * @throws IOException if the input cannot be read
   */
  default java.util.Iterator<String> decideAll(Path input, com.storyclusters.Settings settings,
      boolean quiet, Jsonl.Sink<Article> sink) throws IOException {
    return null;
  }
}
