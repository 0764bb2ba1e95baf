package com.storyclusters.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("property")
class TextNormalizerTest {
  private final TextNormalizer n = TextNormalizer.get();

  @Test
  void unifiesQuotesDashesCaseAndWhitespace() {
    assertEquals("he said \"small differences\" - 'ok'",
        n.normalize("He  said \u201CSmall Differences\u201D \u2014 \u2018OK\u2019"));
    assertEquals("a\nb c", n.normalize("  A \r\n\r\n  B\t\u00A0C  "));
  }

  @Test
  void decodesHtmlEntitiesFully() {
    assertEquals("at&t \"x\"", n.normalize("AT&amp;amp;T &quot;x&quot;"));
  }

  @Test
  void unifiesArabicScriptVariantsAndRemovesMarks() {
    // Arabic yeh and kaf, teh marbuta, tatweel, a fatha and a zero-width non-joiner
    assertEquals(n.normalize("\u06CC\u06A9\u06C1"), n.normalize("\u064A\u0643\u0640\u0629\u064E\u200C"));
  }

  @Test
  void foldsCaseWithRootLocale() {
    assertEquals("istanbul", n.normalize("ISTANBUL"));
  }

  @Test
  void replacesLoneSurrogatesAndControls() {
    String s = n.normalize("a\uD800b\u0000c\uDC00");
    assertFalse(s.chars().anyMatch(c -> Character.isSurrogate((char) c)));
    assertEquals("a b c", s);
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> n.normalize(null));
  }

  @Test
  void gluedPunctuationSplitsTokens() {
    List<String> tokens = new ArrayList<>();
    String text = n.normalize("Lee said\"small differences\"exist");
    Tokenizer.tokenize(text, (h, s, e) -> tokens.add(text.substring(s, e)));
    assertEquals(List.of("lee", "said", "small", "differences", "exist"), tokens);
  }

  @Test
  void idempotentOnArbitraryStrings() {
    com.storyclusters.Props.qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 60))
        .check(s -> n.normalize(n.normalize(s)).equals(n.normalize(s)));
  }

  @Test
  void fastPathAgreesWithTheGeneralPath() {
    String alphabet = "aZ09 .,;:!?'\"&#x\n\r\t\u000B\u0001\u007F\u0085\u0099\u00A0\u00A3\u00AB"
        + "\u00AD\u00B4\u00BD\u00C0\u00C9\u00D7\u00DE\u00DF\u00E9\u00FF\u2010\u2014\u2018\u2019"
        + "\u201C\u201D\u2212\u20AC\u2022\u2026`";
    int[] fast = {0};
    com.storyclusters.Props.qt().withExamples(20000).forAll(over(alphabet, 30)).checkAssert(s -> {
      String f = TextNormalizer.fastPath(s);
      if (f != null) {
        fast[0]++;
        assertEquals(TextNormalizer.slowPath(s), f,
            () -> "input " + s.chars().mapToObj(Integer::toHexString).toList());
      }
    });
    org.junit.jupiter.api.Assertions.assertTrue(fast[0] > 1000, "fast path taken " + fast[0]);
  }

  @Test
  void idempotentOnTrickyAlphabet() {
    // entity fragments, fullwidth ampersand, quotes, Arabic marks, surrogates and whitespace
    String alphabet = "&amp;#x26;\uFF06\u201C\u2019\u0640\u064E\u0629\u064A \n\r\t\u00A0AaİıßﬁÅ\uD83D\uDE00\uD800";
    com.storyclusters.Props.qt().withExamples(3000).forAll(over(alphabet, 25))
        .check(s -> n.normalize(n.normalize(s)).equals(n.normalize(s)));
  }

  /** Strings of up to {@code maxLength} chars drawn from {@code alphabet}. */
  private static org.quicktheories.core.Gen<String> over(String alphabet, int maxLength) {
    return strings().betweenCodePoints(0, alphabet.length() - 1).ofLengthBetween(0, maxLength)
        .map(idx -> {
          StringBuilder sb = new StringBuilder();
          idx.codePoints().forEach(i -> sb.append(alphabet.charAt(i)));
          return sb.toString();
        });
  }
}
