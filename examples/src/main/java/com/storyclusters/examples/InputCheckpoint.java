package com.storyclusters.examples;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.storyclusters.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How far the {@code cluster} command had read its input, as committed with the index ({@link
 * com.storyclusters.StoryClusters#commit(String)}): the number of articles added (bad lines do not
 * count) and a hash of them in input order, plus the hash of the first alone (so that another
 * input is told at its first article). A run that finds the checkpoint of its own input's prefix
 * resumes after it: re-adding that prefix would re-apply versions that later lines superseded.
 * The hash of each article can be taken ahead, on the thread that reads the input ({@link
 * BatchReader}), and counted by the thread that adds it ({@link #added(long)}). Not thread-safe.
 */
final class InputCheckpoint {
  private static final String FORMAT = "storyclusters-input/1";

  private long articles;
  private long first;
  private long hash = 0x53544F5259L;

  /** Counts one more article of the input. */
  void add(Article a) {
    added(chained(hash, a));
  }

  /**
   * Counts one more article of the input, whose hash another checkpoint gave when it counted the
   * same articles in the same order ({@link #hash()} after its {@link #add}): the state is then the
   * same as if this one had added the article.
   */
  void added(long hashAfter) {
    hash = hashAfter;
    if (++articles == 1) {
      first = hash;
    }
  }

  /** The hash of the articles counted so far, in input order. */
  long hash() {
    return hash;
  }

  /** The hash after {@code a}, chained from {@code previous}. */
  private static long chained(long previous, Article a) {
    Hasher h = Hashing.murmur3_128().newHasher()
        .putLong(previous)
        .putString(a.id(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(a.source(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(a.title(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(a.text(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(a.language(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putLong(a.published().map(Instant::getEpochSecond).orElse(Long.MIN_VALUE))
        .putInt(a.published().map(Instant::getNano).orElse(-1));
    return h.hash().asLong();
  }

  /** Articles counted so far. */
  long articles() {
    return articles;
  }

  /** This checkpoint as the string committed with the index. */
  String encode() {
    return String.format(Locale.ROOT, "%s articles=%d first=%016x hash=%016x", FORMAT, articles,
        first, hash);
  }

  /**
   * The number of leading articles of {@code input} that a previous run committed with {@code
   * recorded}: its count when the input's first articles hash to it, else 0 (another input, or
   * none recorded). Reads (and parses) that prefix of the input once; a folder as the run reads
   * it ({@code followLinks}).
   */
  static long resumable(Optional<String> recorded, Path input, boolean followLinks)
      throws IOException {
    if (recorded.isEmpty()) {
      return 0;
    }
    String[] f = recorded.get().split(" ");
    if (f.length != 4 || !f[0].equals(FORMAT)) {
      return 0;
    }
    long n;
    long first;
    long hash;
    try {
      n = Long.parseLong(f[1].substring("articles=".length()));
      first = Long.parseUnsignedLong(f[2].substring("first=".length()), 16);
      hash = Long.parseUnsignedLong(f[3].substring("hash=".length()), 16);
    } catch (RuntimeException e) {
      return 0;
    }
    if (n <= 0) {
      return 0;
    }
    InputCheckpoint mine = new InputCheckpoint();
    try {
      ArticleReader.read(input, followLinks, new Jsonl.Sink<Article>() {
        @Override
        public void accept(Article a) {
          mine.add(a);
          if (mine.articles == 1 && mine.first != first || mine.articles == n) {
            throw new Enough();
          }
        }

        @Override
        public boolean bad(Jsonl.BadLineException e) {
          return true; // never counted: the run that recorded the checkpoint skipped or stopped
        }

        @Override
        public void warning(String message) {
          // the run proper reports them
        }
      });
    } catch (Enough done) {
      // read as far as needed
    }
    return mine.articles == n && mine.hash == hash ? n : 0;
  }

  /** Ends the read of a prefix. */
  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Enough() {
      super(null, null, false, false);
    }
  }
}
