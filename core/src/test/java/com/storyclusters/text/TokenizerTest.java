package com.storyclusters.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Tokenizer.tokenize(text, (h, s, e) -> {
      assertEquals(Tokenizer.hashToken(text.substring(s, e)), h, "hash of " + text.substring(s, e));
      out.add(text.substring(s, e));
    });
    return out;
  }

  @Test
  void wordsForSpacedScripts() {
    assertEquals(List.of("ishiba", "and", "lee", "2025"), tokens("ishiba and lee, 2025."));
    assertEquals(List.of("وزیر", "داخلہ", "نے"), tokens("وزیر داخلہ نے"));
    assertEquals(List.of("한국", "일본"), tokens("한국 일본"));
    assertEquals(List.of("привет", "мир"), tokens("привет, мир"));
  }

  @Test
  void marksStayInsideWords() {
    assertEquals(List.of("हिन्दी", "भाषा"), tokens("हिन्दी भाषा"));
  }

  @Test
  void singleCharactersForScriptsWithoutSpaces() {
    assertEquals(List.of("日", "本", "の", "首", "相"), tokens("日本の首相"));
    assertEquals(List.of("abc", "東", "京", "x"), tokens("abc東京x"));
  }

  @Test
  void emojiAndSymbolsSeparate() {
    assertEquals(List.of("a", "b"), tokens("a\uD83D\uDE00b"));
    assertEquals(List.of(), tokens("  ...!!  "));
  }

  @Test
  void goldenHashes() {
    // Part of the index format: these values must never change.
    assertEquals(0xeb51164e1e4259d0L, Tokenizer.hashToken("said"));
    assertEquals(0xa2b0da5e21b4de8bL, Tokenizer.hashToken("small"));
    assertEquals(0xba0814a17bc1f048L, Tokenizer.hashToken("東"));
    assertEquals(0x165a8140ca453592L, Tokenizer.hashToken("ایران"));
  }
}
