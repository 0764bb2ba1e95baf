package com.storyclusters;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as it arrives: an id and the page text, with optional source (publisher),
 * title, publication time and language. Immutable and thread-safe.
 *
 * <p>The id is required and must contain a non-whitespace character; any Unicode is allowed. The
 * text may be empty: an article without enough text (see {@link Settings.Builder#minShingles})
 * is indexed and forms a cluster of its own, never matching anything. The text is fingerprinted
 * with the title as its first line (unless the text already begins with it, or {@link
 * Settings.Builder#fingerprintTitle} is off): copies often carry the lead sentence in a
 * headline or standfirst.
 */
public final class Article {
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
    this.id = b.id;
    this.source = b.source == null ? "" : b.source;
    this.title = b.title == null ? "" : b.title;
    this.text = b.text == null ? "" : b.text;
    this.published = b.published;
    this.language = b.language == null ? "" : b.language;
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
