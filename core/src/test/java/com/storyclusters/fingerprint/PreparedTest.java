package com.storyclusters.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.storyclusters.Article;
import com.storyclusters.boilerplate.BoilerplateFilter;
import com.storyclusters.boilerplate.LineCounts;
import com.storyclusters.boilerplate.Headline;
import com.storyclusters.minhash.MinHasher;
import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.TextNormalizer;
import com.storyclusters.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-pass {@link Prepared#of} and {@link Fingerprint#select} give exactly what the plain
 * definition gives: normalize, add the title, split lines, tokenize and shingle each line, hash;
 * drop lines, join, sort.
 */
@org.junit.jupiter.api.Tag("property")
class PreparedTest {
  private static final MinHasher HASHER =
      new MinHasher(128, 0x53544F5259L, MinHasher.Scheme.ONE_PERMUTATION);
  /** Fast-path chars (ASCII, Latin-1, quotes, dashes) and some that are not (entities, CJK...). */
  private static final String ALPHABET = "aaaabbcXYZ09    .,\n\n\r\t-&;#\u00a0\u00e9\u00c9\u00ad"
      + "\u00ab\u2019\u201c\u2014\u20ac\u2022\u00bd\u4e2d\u0643\u064b\ud83d\ude00\u200b\u0001";

  @Test
  void preparedAndFingerprintAreThoseOfThePlainDefinition() {
    com.storyclusters.Props.qt().withExamples(4000)
        .forAll(strings().betweenCodePoints(0, ALPHABET.length() - 1).ofLengthBetween(0, 80),
            strings().betweenCodePoints(0, ALPHABET.length() - 1).ofLengthBetween(0, 14),
            integers().between(0, 15))
        .checkAssert((t, h, choice) -> {
          int options = choice % 8;
          int letters = choice < 8 ? ALPHABET.length() : FAST_LETTERS; // half in the fast path
          String text = over(t, letters);
          String title = over(h, letters);
          if (options % 3 == 0 && text.length() > 3) {
            title = text.substring(0, text.length() / 3).toUpperCase(); // a title the text holds
          }
          Article a = Article.builder("x").source(options % 2 == 0 ? "" : "site").title(title)
              .text(text).build();
          int size = 1 + options % 3;
          boolean withTitle = options != 5;
          Prepared p = Prepared.of(a, size, 1_000_000, withTitle);
          Reference r = new Reference(a, size, withTitle);
          String what = "text " + text.chars().mapToObj(Integer::toHexString).toList()
              + " title '" + title + "'";
          assertEquals(r.normalized, p.normalized, what);
          assertArrayEquals(r.starts, p.lineStart, what);
          assertArrayEquals(r.ends, p.lineEnd, what);
          assertArrayEquals(r.keys, p.lineKey, what);
          assertArrayEquals(r.sourceKeys, p.sourceLineKey, what);
          assertArrayEquals(r.tokens, p.lineTokens, what);
          assertArrayEquals(r.shingles, p.shingles, what);
          assertArrayEquals(r.shingleStart, p.shingleStart, what);
          assertEquals(r.textHash, p.textHash, what);
          assertEquals(r.headline, p.headline, what);
          assertArrayEquals(Arrays.stream(r.keys).sorted().distinct().toArray(),
              p.distinctLineKeys, what);
          long[] counted = a.source().isEmpty() ? r.keys
              : java.util.stream.LongStream.concat(Arrays.stream(r.keys),
                  Arrays.stream(r.sourceKeys)).toArray();
          assertArrayEquals(Arrays.stream(counted).sorted().distinct().toArray(),
              p.countedLineKeys, what);
          int[] counts = new int[p.lines()];
          int[] elsewhere = new int[p.lines()];
          for (int i = 0; i < counts.length; i++) {
            counts[i] = (i + options) % 3 == 0 ? 2 : 0;
            elsewhere[i] = counts[i] + (i % 2);
          }
          for (LineCounts lineCounts : new LineCounts[] {null, LineCounts.none(p.lines()),
              new LineCounts(counts, counts, counts), new LineCounts(counts, elsewhere, counts)}) {
            for (int max : new int[] {20_000, 3}) {
              Fingerprint f = Fingerprint.select(p, lineCounts, HASHER, max);
              checkSelect(p, lineCounts, max, f, what);
            }
          }
        });
  }

  /** The first letters of the alphabet, all of the normalizer's fast path. */
  private static final int FAST_LETTERS = ALPHABET.indexOf('\u00bd');

  private static String over(String codes, int letters) {
    StringBuilder sb = new StringBuilder();
    codes.chars().forEach(c -> sb.append(ALPHABET.charAt(c % letters)));
    return sb.toString();
  }

  /** The plain definition of {@link Fingerprint#select}'s text, lead, set and signature. */
  private static void checkSelect(Prepared p, LineCounts lineCounts, int max, Fingerprint f,
      String what) {
    boolean[] drop = new boolean[p.lines()];
    if (lineCounts != null && !p.article.source().isEmpty()) {
      BoilerplateFilter.mark(p.lineTokens, lineCounts, drop);
    }
    Arrays.fill(drop, 0, p.headline, true);
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<Long> shingles = new ArrayList<>();
    for (int i = 0; i < p.lines(); i++) {
      (drop[i] ? removed : kept).add(p.line(i));
      for (int j = p.shingleStart[i]; j < p.shingleStart[i + 1] && !drop[i]; j++) {
        if (shingles.size() < max) {
          shingles.add(p.shingles[j]);
        }
      }
    }
    long[] hashes = shingles.stream().mapToLong(Long::longValue).toArray();
    int[] sequence = shingles.stream().mapToInt(s -> (int) (s >>> 32)).toArray();
    int[] set = Arrays.stream(sequence).sorted().distinct().toArray();
    assertEquals(String.join("\n", kept), f.keptText, what);
    assertEquals(removed, f.removed, what);
    assertEquals(sequence.length, f.length, what);
    assertArrayEquals(Arrays.copyOf(sequence, Fingerprint.leadLength(sequence.length)), f.lead,
        what);
    assertArrayEquals(set, f.set, what);
    for (int i = 0; i < f.lead.length; i++) {
      assertEquals(Arrays.binarySearch(set, f.lead[i]), f.leadRanks[i], what);
    }
    assertEquals(HASHER.signature(hashes, hashes.length, set.length), f.signature, what);
  }

  /** {@link Prepared#of} by its definition, one step at a time. */
  private static final class Reference {
    final String normalized;
    final int[] starts;
    final int[] ends;
    final long[] keys;
    final long[] sourceKeys;
    final int[] tokens;
    final long[] shingles;
    final int[] shingleStart;
    final long textHash;
    final int headline;

    Reference(Article article, int size, boolean withTitle) {
      TextNormalizer normalizer = TextNormalizer.get();
      String text = normalizer.normalize(article.text());
      int headlineAt = -1;
      if (withTitle && !article.title().isBlank()) {
        String title = normalizer.normalize(article.title()).strip();
        if (!title.isEmpty()) {
          headlineAt = Headline.lineOf(text, title);
          if (headlineAt < 0 && !Headline.opens(text, title)) {
            text = title + "\n" + text;
          }
        }
      }
      normalized = text;
      long seed = Tokenizer.hashToken(article.source());
      List<int[]> lines = new ArrayList<>();
      int from = 0;
      for (String line : text.split("\n", -1)) {
        if (!line.isEmpty()) {
          lines.add(new int[] {from, from + line.length()});
        }
        from += line.length() + 1;
      }
      int n = lines.size();
      starts = new int[n];
      ends = new int[n];
      keys = new long[n];
      sourceKeys = new long[n];
      tokens = new int[n];
      shingleStart = new int[n + 1];
      List<Long> all = new ArrayList<>();
      int at = 0;
      for (int i = 0; i < n; i++) {
        starts[i] = lines.get(i)[0];
        ends[i] = lines.get(i)[1];
        at = starts[i] == headlineAt ? i : at;
        String line = text.substring(starts[i], ends[i]);
        tokens[i] = Tokenizer.tokenize(line, (h, s, e) -> { });
        keys[i] = Prepared.hashChars(line.toCharArray(), 0, line.length());
        sourceKeys[i] = Tokenizer.fmix64(seed * 31 + keys[i]);
        shingleStart[i] = all.size();
        for (long s : Shingler.shingles(line, size)) {
          all.add(s);
        }
      }
      shingleStart[n] = all.size();
      shingles = all.stream().mapToLong(Long::longValue).toArray();
      textHash = Prepared.hashChars(text.toCharArray(), 0, text.length());
      headline = at;
    }
  }
}
