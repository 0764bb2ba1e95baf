package com.storyclusters.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one JSON Lines reader and writer outside core (core has no JSON dependency): the cluster
 * command, the generator, the metrics and the benchmark harnesses read and write through it.
 *
 * <p>A file is read line by line as UTF-8 (malformed bytes become U+FFFD); blank lines are
 * skipped; every other line must be one JSON object. Line numbers count from 1 and include blank
 * lines. A line that is not a JSON object, or that a record parser rejects, is a {@link
 * BadLineException} whose message starts with {@code "line N: "}; the whole-file readers turn the
 * first one into an {@link IOException} whose message is the file name, {@code ": "} and that
 * message.
 *
 * <p>Articles are objects with the fields {@code id} (required, not blank), {@code source},
 * {@code title}, {@code text}, {@code published} and {@code language}, any of them absent or null;
 * values that are not strings are taken as their text. {@code published} is read leniently (see
 * {@link #time}); a time that does not parse is not an error but a warning, and the article is
 * kept with an unknown time.
 *
 * <p>Thread-safety: every method is stateless apart from the shared {@link ObjectMapper}, which is
 * configured once and safe to use from any number of threads; a sink is called only on the thread
 * that called the reader, in file order. Nullability: no parameter may be null unless its
 * documentation says so; results are never null unless documented.
 */
public final class Jsonl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Jsonl() {}

  /** A line that is not a valid record; the message names its line number. */
  public static final class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long line;

    /**
     * @param message the whole message, by convention starting with {@code "line N: "}
     * @param line the 1-based line number
     */
    public BadLineException(String message, long line) {
      super(message);
      this.line = line;
    }

    /** The 1-based number of the bad line. */
    public long line() {
      return line;
    }
  }

  /**
   * Turns one JSON object (never null) read from line {@code line} into a record, or rejects it
   * with a {@link BadLineException} naming the line.
   */
  @FunctionalInterface
  public interface RecordParser<T> {
    T parse(JsonNode object, long line) throws BadLineException;
  }

  /** Receives, in file order, the records of a file and its bad lines. */
  public interface Sink<T> {
    /** One record (never null). */
    void accept(T record) throws IOException;

    /** One bad line; return true to go on with the next line, false to stop reading. */
    boolean bad(BadLineException e);

    /**
     * A tolerated oddity (an impossible {@code published} date), as a message starting with
     * {@code "line N: "}. By default printed on stderr after {@code "storyclusters: "}.
     */
    default void warning(String message) {
      System.err.println("storyclusters: " + message);
    }
  }

  /**
   * Reads every record of a file through {@code parser} into {@code sink}, stopping early if the
   * sink says so.
   *
   * @throws IOException if the file cannot be read, or the sink throws it
   */
  public static <T> void read(Path file, RecordParser<T> parser, Sink<T> sink)
      throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        T record;
        try {
          record = parser.parse(object(line, n), n);
        } catch (BadLineException e) {
          if (!sink.bad(e)) {
            return;
          }
          continue;
        }
        sink.accept(record);
      }
    }
  }

  /**
   * All records of a file through {@code parser}, in file order.
   *
   * @throws IOException if the file cannot be read, or at its first bad line (the message is
   *     {@code "FILE: line N: ..."})
   */
  public static <T> List<T> readAll(Path file, RecordParser<T> parser) throws IOException {
    List<T> out = new ArrayList<>();
    BadLineException[] first = {null};
    read(file, parser, new Sink<T>() {
      @Override
      public void accept(T record) {
        out.add(record);
      }

      @Override
      public boolean bad(BadLineException e) {
        first[0] = e;
        return false;
      }

      @Override
      public void warning(String message) {
        // whole-file readers keep the record and say nothing
      }
    });
    if (first[0] != null) {
      throw new IOException(file + ": " + first[0].getMessage(), first[0]);
    }
    return out;
  }

  /**
   * Reads the articles of a JSONL file into {@code sink}; bad lines go to {@link Sink#bad}, and
   * impossible dates to {@link Sink#warning}.
   */
  public static void readArticles(Path file, Sink<Article> sink) throws IOException {
    read(file, (node, n) -> article(node, n, sink::warning), sink);
  }

  /**
   * All articles of a JSONL file, in file order; impossible dates silently become unknown.
   *
   * @throws IOException if the file cannot be read, or at its first bad line
   */
  public static List<Article> readArticles(Path file) throws IOException {
    return readAll(file, (node, n) -> article(node, n, message -> { }));
  }

  /**
   * Parses one line as a JSON object.
   *
   * @throws BadLineException {@code "line N: malformed JSON: ..."} or {@code "line N: not a JSON
   *     object"}
   */
  public static JsonNode object(String line, long n) throws BadLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new BadLineException("line " + n + ": malformed JSON: "
          + e.getMessage().split("\n")[0], n);
    }
    if (node == null || !node.isObject()) {
      throw new BadLineException("line " + n + ": not a JSON object", n);
    }
    return node;
  }

  /**
   * One article from a JSON object read from line {@code n}.
   *
   * @param warnings receives {@code "line N: \"published\" is not a valid time (...); taken as
   *     unknown"} when the time does not parse
   * @throws BadLineException {@code "line N: missing or blank \"id\""}
   */
  public static Article article(JsonNode node, long n, Consumer<String> warnings)
      throws BadLineException {
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || !id.isValueNode() || id.asText().isBlank()) {
      throw new BadLineException("line " + n + ": missing or blank \"id\"", n);
    }
    Instant published = null;
    try {
      published = time(text(node, "published"));
    } catch (DateTimeParseException e) {
      // The time is optional metadata: an impossible date (2014-09-31 occurs in real feeds) makes
      // it unknown rather than losing the article.
      warnings.accept("line " + n + ": \"published\" is not a valid time ("
          + e.getParsedString() + "); taken as unknown");
    }
    return Article.builder(id.asText())
        .source(text(node, "source"))
        .title(text(node, "title"))
        .text(text(node, "text"))
        .published(published)
        .language(text(node, "language"))
        .build();
  }

  /** The text of a field, or null when it is absent or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * A time read leniently: null or blank is unknown (null); ten characters are a date
   * ({@code 2025-01-31}, midnight UTC); otherwise an ISO offset date-time or an instant.
   *
   * @param s the text, or null
   * @throws DateTimeParseException if it is none of these
   */
  public static Instant time(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(s);
    }
  }

  /** A new empty JSON object, to fill and {@link #write}. */
  public static ObjectNode newObject() {
    return JSON.createObjectNode();
  }

  /** A JSON value as one line of compact JSON, without the line break. */
  public static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always serializes
    }
  }
}
