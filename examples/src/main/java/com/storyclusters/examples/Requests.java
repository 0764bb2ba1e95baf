package com.storyclusters.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.storyclusters.Article;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code serve} reads a request: the body within its size limit, the articles in it (through
 * {@link Jsonl}, the cluster command's reader), and the ids in the path and the query, which
 * travel percent-encoded as UTF-8. Every refusal is an {@link HttpError} with its status and a
 * one-line message. Stateless.
 */
final class Requests {
  private Requests() {}

  /** A request refused with {@code status}; the message is one line for the client. */
  static final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String allow;

    HttpError(int status, String message) {
      this(status, message, null);
    }

    /** @param allow the methods allowed (405), or null */
    HttpError(int status, String message, String allow) {
      super(message, null, false, false);
      this.status = status;
      this.allow = allow;
    }
  }

  /**
   * The articles of a POST body, each one's warning (an impossible {@code published} time, taken
   * as unknown) or null, and whether it was a batch (answered by a list).
   */
  record Posted(List<Article> articles, List<String> warnings, boolean batch) {}

  /**
   * The body, refused with 413 when over {@code max} bytes (by its Content-Length before reading,
   * or once more than {@code max} bytes were read).
   */
  static byte[] body(HttpExchange ex, int max) throws IOException, HttpError {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > max) {
          throw tooLarge(max);
        }
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Content-Length is not a number: " + length);
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(max + 1);
      if (b.length > max) {
        throw tooLarge(max);
      }
      return b;
    }
  }

  private static HttpError tooLarge(int max) {
    return new HttpError(413, String.format(Locale.ROOT, "the request body is over %,d bytes "
        + "(--max-request-bytes)", max));
  }

  /**
   * The articles of a POST body. Content-Type {@code application/x-ndjson} (or {@code jsonl}): one
   * JSON object per line, a batch. Otherwise one JSON object (it may span lines); a body that is
   * not one object but several lines of objects is a batch too. Fields and checks are the cluster
   * command's ({@link Jsonl#article}); a bad line is 400 naming it.
   */
  static Posted articles(byte[] body, String contentType) throws HttpError {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean lines = type.contains("ndjson") || type.contains("jsonl");
    if (!lines) {
      String text = strictUtf8(body);
      if (text != null && !text.isBlank()) {
        try {
          JsonNode node = Jsonl.document(text.startsWith("\uFEFF") ? text.substring(1) : text,
              1);
          String[] warning = {null};
          Article a = Jsonl.article(node, 1, w -> warning[0] = unnumbered(w));
          return new Posted(List.of(a), java.util.Arrays.asList(warning), false);
        } catch (Jsonl.BadLineException e) {
          if (text.strip().lines().filter(l -> !l.isBlank()).count() < 2) {
            throw new HttpError(400, unnumbered(e.getMessage()));
          }
          // several lines: JSON lines without their content type
        }
      }
    }
    List<Article> articles = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String[] pending = {null}; // the warning of the line being read
    Jsonl.BadLineException[] bad = {null};
    try {
      Jsonl.read(new ByteArrayInputStream(body), (node, n) -> Jsonl.article(node, n,
          w -> pending[0] = w), new Jsonl.Sink<Article>() {
            @Override
            public void accept(Article record) {
              articles.add(record);
              warnings.add(pending[0]);
              pending[0] = null;
            }

            @Override
            public boolean bad(Jsonl.BadLineException e) {
              bad[0] = e;
              return false;
            }

          });
    } catch (IOException e) {
      throw new HttpError(400, "cannot read the body: " + Failures.describe(e));
    }
    if (bad[0] != null) {
      throw new HttpError(400, articles.isEmpty() && !lines ? unnumbered(bad[0].getMessage())
          : bad[0].getMessage());
    }
    if (articles.isEmpty()) {
      throw new HttpError(400, "the body holds no article: send one JSON object, or JSON lines "
          + "with Content-Type application/x-ndjson");
    }
    if (!lines && articles.size() == 1 && warnings.get(0) != null) {
      warnings.set(0, unnumbered(warnings.get(0)));
    }
    return new Posted(articles, warnings, lines || articles.size() > 1);
  }

  /** A message of Jsonl's without its {@code "line 1: "}, for a body that is one object. */
  private static String unnumbered(String message) {
    return message.startsWith("line 1: ") ? message.substring("line 1: ".length()) : message;
  }

  /** The text of UTF-8 bytes, or null if they are not valid UTF-8. */
  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The path's segments, each percent-decoded as UTF-8 ({@code +} stays {@code +}; an id holding
   * {@code /} travels as {@code %2F}). The leading slash gives no segment.
   */
  static List<String> segments(String rawPath) throws HttpError {
    List<String> out = new ArrayList<>();
    String p = rawPath == null ? "" : rawPath;
    for (String s : (p.startsWith("/") ? p.substring(1) : p).split("/", -1)) {
      out.add(percentDecoded(s));
    }
    return out;
  }

  /** Percent-decoding of a path segment: {@code %XX} bytes as UTF-8, strictly. */
  static String percentDecoded(String s) throws HttpError {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          throw new HttpError(400, "bad percent-encoding in the path: " + s);
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    String text = strictUtf8(bytes.toByteArray());
    if (text == null) {
      throw new HttpError(400, "the path is not percent-encoded UTF-8: " + s);
    }
    return text;
  }

  /** The query's parameters, form-decoded as UTF-8 (the first value of each name). */
  static Map<String, String> query(String rawQuery) throws HttpError {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
            StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1),
            StandardCharsets.UTF_8);
        out.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "bad percent-encoding in the query: " + pair);
      }
    }
    return out;
  }
}
