package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleTest {
  /** An unpaired surrogate in a source becomes U+FFFD, as the index stores it; pairs stay. */
  @Test
  void aSourceIsWellFormed() {
    assertEquals("site-\ufffd", Article.builder("a").source("site-\uD800").build().source());
    assertEquals("\ufffdx\ufffd", Article.builder("a").source("\uDC00x\uD800").build().source());
    String pair = "site-\uD83D\uDE00";
    assertTrue(pair == Article.builder("a").source(pair).build().source());
  }

  @Test
  void anIdUpToTheLimitIsKept() {
    String id = "é".repeat(Article.MAX_ID_BYTES / 2);
    assertEquals(id, Article.of(id, "text").id());
    assertEquals("a😀b", Article.of("a😀b", "").id());
  }

  @Test
  void anIdOverTheLimitIsRejectedUpFrontWithItsLength() {
    String id = "x".repeat(40_000);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Article.of(id, "text"));
    assertTrue(e.getMessage().contains("40000 bytes in UTF-8; at most 4096"), e.getMessage());
    assertTrue(e.getMessage().length() < 200, "the message abbreviates the id");
  }

  @Test
  void anIdWithAnUnpairedSurrogateIsRejected() {
    // two such ids would both be stored as U+FFFD and become one article
    for (String id : new String[] {"a\ud800", "a\udc00b", "\ud800"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Article.of(id, "text"));
      assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
      assertTrue(e.getMessage().contains("\\ud8") || e.getMessage().contains("\\udc"),
          e.getMessage());
    }
  }

  @Test
  void aSourceOverTheLimitIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Article.builder("a").source("s".repeat(5000)).build());
    assertTrue(e.getMessage().contains("source is 5000 bytes"), e.getMessage());
  }
}
