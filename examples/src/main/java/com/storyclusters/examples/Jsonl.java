package com.storyclusters.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one JSON Lines reader and writer outside core (core has no JSON dependency): the cluster
 * command, the generator, the metrics and the benchmark harnesses read and write through it.
 *
 * <p>A file or stream is read one line at a time ({@link LineReader}), so its size is not
 * limited by memory; a UTF-8 byte order mark at its start is skipped; blank lines are skipped;
 * every other line must be one JSON object of at most {@link #MAX_LINE_BYTES} bytes. Line numbers
 * count from 1 and include blank lines. A line that is too long, is not a JSON object, or that a
 * record parser rejects, is a {@link BadLineException} whose message starts with {@code "line N:
 * "}; the whole-file readers turn the first one into an {@link IOException} whose message is the
 * file name, {@code ": "} and that message.
 *
 * <p>Bytes that are not valid UTF-8 become U+FFFD in text, except in the {@code "id"} field:
 * there they would make different ids one (silently merging two records), so such a line is bad
 * ({@code "line N: \"id\" holds bytes that are not UTF-8"}).
 *
 * <p>Articles are objects with the fields {@code id} (required, not blank), {@code source},
 * {@code title}, {@code text}, {@code published} and {@code language}, each a JSON string; any
 * but {@code id} may be absent or null. A value of another type (a number, an object) is a bad
 * line ({@code "line N: field 'text' must be a string"}), and so is an article that core's {@link
 * Article} refuses (an id with an unpaired surrogate, or over {@link Article#MAX_ID_BYTES}).
 * {@code published} is read leniently (see {@link #time}); a time that does not parse, or lies
 * outside what epoch milliseconds can hold, is not an error but a warning, and the article is
 * kept with an unknown time.
 *
 * <p>Thread-safety: every method is stateless apart from the shared {@link ObjectMapper}, which is
 * configured once and safe to use from any number of threads; a sink is called only on the thread
 * that called the reader, in file order. Nullability: no parameter may be null unless its
 * documentation says so; results are never null unless documented.
 */
public final class Jsonl {
  /**
   * The longest line read, in bytes (16 MiB): far beyond any article (core fingerprints at most
   * the first million characters of a text), small enough that a stray huge line cannot exhaust
   * memory. Jackson's own limit on a string is set to it, so a line within it is never refused
   * for its size.
   */
  public static final int MAX_LINE_BYTES = 1 << 24;

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_BYTES)
          .build())
      .build());

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
    try (InputStream in = Files.newInputStream(file)) {
      read(in, parser, sink);
    }
  }

  /**
   * Reads every record of a stream (standard input, say) through {@code parser} into {@code
   * sink}, stopping early if the sink says so; the stream is not closed.
   *
   * @throws IOException if the stream cannot be read, or the sink throws it
   */
  public static <T> void read(InputStream in, RecordParser<T> parser, Sink<T> sink)
      throws IOException {
    LineReader lines = new LineReader(in, MAX_LINE_BYTES);
    while (lines.next()) {
      long n = lines.number();
      T record;
      try {
        JsonNode node = object(lines, n);
        if (node == null) {
          continue; // blank
        }
        record = parser.parse(node, n);
      } catch (BadLineException e) {
        if (!sink.bad(e)) {
          return;
        }
        continue;
      }
      sink.accept(record);
    }
  }

  /**
   * The current line of {@code lines} as a JSON object, or null if it is blank.
   *
   * @throws BadLineException if it is too long, not a JSON object, or its id is not UTF-8
   */
  private static JsonNode object(LineReader lines, long n) throws BadLineException {
    if (lines.tooLong()) {
      throw new BadLineException(String.format(Locale.ROOT, "line %d: line is %,d bytes; at "
          + "most %,d", n, lines.size(), MAX_LINE_BYTES), n);
    }
    String text = lines.text();
    if (text != null) {
      return text.isBlank() ? null : object(text, n);
    }
    // Malformed bytes: decoded twice with different replacements, a field that differs held some.
    JsonNode node = object(lines.text('\uFFFD'), n);
    if (!Objects.equals(node.get("id"), object(lines.text('?'), n).get("id"))) {
      throw new BadLineException("line " + n + ": \"id\" holds bytes that are not UTF-8", n);
    }
    return node;
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

  /** As {@link #readArticles(Path, Sink)}, from a stream (not closed). */
  public static void readArticles(InputStream in, Sink<Article> sink) throws IOException {
    read(in, (node, n) -> article(node, n, sink::warning), sink);
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
   * @throws BadLineException {@code "line N: malformed JSON: ..."}, {@code "line N: not a JSON
   *     object"} or {@code "line N: more than one JSON value"}
   */
  public static JsonNode object(String line, long n) throws BadLineException {
    return document(line, n); // a line holding two objects is refused, never read as the first
  }

  /**
   * Parses a whole text (a request body, say) as one JSON object, which may span lines; anything
   * after the object but whitespace is an error (so two objects are never read as the first
   * alone). {@link #object(String, long)} reads a line so.
   *
   * @throws BadLineException {@code "line N: malformed JSON: ..."}, {@code "line N: not a JSON
   *     object"} or {@code "line N: more than one JSON value"}
   */
  public static JsonNode document(String text, long n) throws BadLineException {
    JsonNode node;
    try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(text)) {
      node = JSON.readTree(p);
      if (node != null && p.nextToken() != null) {
        throw new BadLineException("line " + n + ": more than one JSON value", n);
      }
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
   * @throws BadLineException {@code "line N: missing or blank \"id\""}, {@code "line N: field
   *     'F' must be a string"}, or {@code "line N: "} and why {@link Article} refuses it
   */
  public static Article article(JsonNode node, long n, Consumer<String> warnings)
      throws BadLineException {
    String id = string(node, "id", n);
    if (id == null || id.isBlank()) {
      throw new BadLineException("line " + n + ": missing or blank \"id\"", n);
    }
    String published = string(node, "published", n);
    Instant time = null;
    try {
      time = time(published);
    } catch (DateTimeParseException e) {
      // The time is optional metadata: an impossible date (2014-09-31 occurs in real feeds) makes
      // it unknown rather than losing the article.
      warnings.accept("line " + n + ": \"published\" is not a valid time ("
          + e.getParsedString() + "); taken as unknown");
    }
    try {
      return Article.builder(id)
          .source(string(node, "source", n))
          .title(string(node, "title", n))
          .text(string(node, "text", n))
          .published(time)
          .language(string(node, "language", n))
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadLineException("line " + n + ": " + e.getMessage(), n);
    }
  }

  /**
   * The string value of a field, or null when it is absent or JSON null.
   *
   * @throws BadLineException {@code "line N: field 'F' must be a string"} for any other type
   */
  public static String string(JsonNode node, String field, long n) throws BadLineException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadLineException("line " + n + ": field '" + field + "' must be a string", n);
    }
    return v.textValue();
  }

  /**
   * A time read leniently: null or blank is unknown (null); ten characters are a date
   * ({@code 2025-01-31}, midnight UTC); otherwise an ISO offset date-time or an instant.
   *
   * @param s the text, or null
   * @throws DateTimeParseException if it is none of these, or lies outside what epoch milliseconds
   *     can hold (the index keeps times so; {@code +999999999-01-01T00:00:00Z} parses as an
   *     instant but is not a time an article was published)
   */
  public static Instant time(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    Instant t;
    if (s.length() == 10) {
      t = LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } else {
      try {
        t = OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        t = Instant.parse(s);
      }
    }
    try {
      t.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new DateTimeParseException("outside the range of epoch milliseconds", s, 0, e);
    }
    return t;
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
