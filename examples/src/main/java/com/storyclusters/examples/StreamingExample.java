package com.storyclusters.examples;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Streaming ingest: articles arrive as JSON lines on standard input, one at a time, and each is
 * assigned at once; a time window keeps the index bounded (articles published more than the window
 * before the newest are evicted). One line out per line in: {@code id cluster [bestMatch]}, or
 * {@code id error: ...} for a bad line, which does not stop the stream.
 *
 * <pre>
 * tail -f feed.jsonl | java -cp examples/target/storyclusters.jar \
 *     com.storyclusters.examples.StreamingExample 48h
 * </pre>
 */
public final class StreamingExample {
  private StreamingExample() {}

  /**
   * Reads {@code in} to its end.
   *
   * @param window the retention window
   * @return the number of articles indexed at the end
   */
  public static int run(InputStream in, PrintStream out, Duration window) throws IOException {
    try (StoryClusters sc = StoryClusters.builder().retention(window).build();
         BufferedReader lines = new BufferedReader(new InputStreamReader(in,
             StandardCharsets.UTF_8))) {
      long n = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Article a = Jsonl.article(Jsonl.object(line, n), n, w -> { });
          Assignment as = sc.add(a);
          out.println(as.articleId() + " " + as.clusterId() + as.bestMatch().map(m -> " " + m)
              .orElse(""));
        } catch (Jsonl.BadLineException e) {
          out.println("line " + n + " error: " + e.getMessage());
        }
      }
      return sc.size();
    }
  }

  /** {@code StreamingExample [WINDOW]}: WINDOW like 48h or 7d (default 48h). */
  public static void main(String[] args) throws IOException {
    String w = args.length > 0 ? args[0] : "48h";
    Duration window = w.endsWith("d") ? Duration.ofDays(Long.parseLong(w.replace("d", "")))
        : Duration.ofHours(Long.parseLong(w.replace("h", "")));
    run(System.in, System.out, window);
  }
}
