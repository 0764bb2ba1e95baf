package com.storyclusters.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("property")
class HeadlineTest {
  private static final Pattern SEPARATOR = Pattern.compile(" [|-] ");

  /** The split the main part was first defined by. */
  private static String mainPartByRegex(String title) {
    String longest = "";
    for (String part : SEPARATOR.split(title)) {
      if (part.length() > longest.length()) {
        longest = part;
      }
    }
    return longest.isBlank() ? title : longest.strip();
  }

  @Test
  void mainPartSplitsAsTheRegexDoes() {
    String alphabet = " |-ab\t";
    assertEquals("lee in tokyo", Headline.mainPart("lee in tokyo | site"));
    assertEquals("a", Headline.mainPart("a - b")); // the first of equally long parts
    com.storyclusters.Props.qt().withExamples(20000)
        .forAll(strings().betweenCodePoints(0, alphabet.length() - 1).ofLengthBetween(0, 16)
            .map(s -> s.chars().mapToObj(c -> String.valueOf(alphabet.charAt(c)))
                .reduce("", String::concat)))
        .checkAssert(t -> assertEquals(mainPartByRegex(t), Headline.mainPart(t), "title '" + t + "'"));
  }
}
