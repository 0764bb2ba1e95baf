package com.storyclusters;

import com.google.common.base.Utf8;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as it arrives: an id and the page text, with optional source (publisher),
 * title, publication time and language. Immutable and thread-safe.
 *
 * <p>The id is required and must contain a non-whitespace character; any Unicode is allowed, but
 * it must be well-formed (no unpaired surrogate, which has no UTF-8 form: two such ids would be
 * one in the index) and at most {@link #MAX_ID_BYTES} bytes in UTF-8; the source too is at most
 * that long, and an unpaired surrogate in it becomes U+FFFD (as the index stores it, so that its
 * boilerplate statistics are the same before and after a reopen). A builder given other values
 * throws {@link IllegalArgumentException}. The
 * text may be empty: an article without enough text (see {@link Settings.Builder#minShingles})
 * is indexed and forms a cluster of its own, never matching anything. The text is fingerprinted
 * with the title as its first line (unless the text already begins with it, or {@link
 * Settings.Builder#fingerprintTitle} is off): copies often carry the lead sentence in a
 * headline or standfirst.
 */
public final class Article {
  /** The longest id, and source, in UTF-8 bytes: longer than any URL a browser sends. */
  public static final int MAX_ID_BYTES = 4096;

  private final String id;
  private final String source;
  private final String title;
  private final String text;
  private final Instant published;
  private final String language;

  private Article(Builder b) {
    if (b.id == null) {
      throw new IllegalArgumentException("article id is null");
    }
    if (b.id.isBlank()) {
      throw new IllegalArgumentException("article id is blank: '" + b.id + "'");
    }
    checkId(b.id);
    if (b.source != null && b.source.length() > MAX_ID_BYTES / 3
        && utf8Length(b.source) > MAX_ID_BYTES) {
      throw new IllegalArgumentException("article " + abbreviate(b.id) + ": source is "
          + utf8Length(b.source) + " bytes in UTF-8; at most " + MAX_ID_BYTES + " are allowed");
    }
    this.id = b.id;
    this.source = b.source == null ? "" : wellFormed(b.source);
    this.title = b.title == null ? "" : b.title;
    this.text = b.text == null ? "" : b.text;
    this.published = b.published;
    this.language = b.language == null ? "" : b.language;
  }

  private static void checkId(String id) {
    int bytes;
    try {
      bytes = Utf8.encodedLength(id);
    } catch (IllegalArgumentException unpaired) {
      throw new IllegalArgumentException("article id " + abbreviate(id)
          + " holds an unpaired surrogate (not valid Unicode)");
    }
    if (bytes > MAX_ID_BYTES) {
      throw new IllegalArgumentException("article id " + abbreviate(id) + " is " + bytes
          + " bytes in UTF-8; at most " + MAX_ID_BYTES + " are allowed");
    }
  }

  /** {@code s} with each unpaired surrogate replaced by U+FFFD (itself when there is none). */
  private static String wellFormed(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append('\ufffd');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** UTF-8 length, an unpaired surrogate counted as the 3 bytes of its replacement. */
  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** The start of a long id, for messages. */
  private static String abbreviate(String id) {
    String safe = id.length() > 40 ? id.substring(0, 40) + "..." : id;
    StringBuilder b = new StringBuilder("'");
    safe.codePoints().forEach(cp -> {
      if (Character.isSurrogate((char) cp) || Character.isISOControl(cp)) {
        b.append(String.format("\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.append('\'').toString();
  }

  /** An article with only an id and text. */
  public static Article of(String id, String text) {
    return builder(id).text(text).build();
  }

  /** A builder for an article with the given id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The caller's identifier, unique within one index. Never null or blank. */
  public String id() {
    return id;
  }

  /** The publisher, or "" when unknown. Boilerplate statistics are kept per source. */
  public String source() {
    return source;
  }

  /** The headline, or "". */
  public String title() {
    return title;
  }

  /** The page text, or "". */
  public String text() {
    return text;
  }

  /** The publication time, if known. */
  public Optional<Instant> published() {
    return Optional.ofNullable(published);
  }

  /** A BCP-47 language tag, or "". Informational: tokenization follows the script, not this tag. */
  public String language() {
    return language;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Article a && a.id.equals(id) && a.source.equals(source)
        && a.title.equals(title) && a.text.equals(text) && Objects.equals(a.published, published)
        && a.language.equals(language);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, source, title, text, published, language);
  }

  @Override
  public String toString() {
    return "Article[" + id + ", " + source + ", " + text.length() + " chars]";
  }

  /** Builds an {@link Article}. Not thread-safe. Null setters mean "unknown". */
  public static final class Builder {
    private final String id;
    private String source;
    private String title;
    private String text;
    private Instant published;
    private String language;

    private Builder(String id) {
      this.id = id;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder published(Instant published) {
      this.published = published;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /**
     * @throws IllegalArgumentException if the id is null or blank
     */
    public Article build() {
      return new Article(this);
    }
  }
}
