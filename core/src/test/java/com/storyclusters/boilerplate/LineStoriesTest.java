package com.storyclusters.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Story counts per line key, and when a verdict does not wait for undecided stories. */
class LineStoriesTest {
  private static final long LINE = 42;
  private static final long OTHER = 43;

  /** LineStories and the article counts the caller keeps beside it, as Statistics does. */
  private static final class Counted {
    final LineStories stories = new LineStories();
    final java.util.Map<Long, Integer> articles = new java.util.HashMap<>();

    void add(long story, long... keys) {
      stories.add(keys, story, k -> articles.getOrDefault(k, 0));
      for (long k : keys) {
        articles.merge(k, 1, Integer::sum);
      }
    }

    void remove(long story, long... keys) {
      stories.remove(keys, story);
      for (long k : keys) {
        articles.merge(k, -1, Integer::sum);
      }
    }

    int stories(long key) {
      return stories.stories(key, articles.getOrDefault(key, 0));
    }
  }

  @Test
  void countsDifferentStoriesAndTakesDeletesOutAtOnce() {
    Counted s = new Counted();
    long x = LineStories.story("x");
    long y = LineStories.story("y");
    long z = LineStories.story("z");
    s.add(x, LINE);
    s.add(x, LINE, OTHER); // a second article of story x: still one story
    assertEquals(1, s.stories(LINE));
    s.add(y, LINE);
    assertEquals(2, s.stories(LINE));
    s.add(z, LINE);
    assertEquals(3, s.stories(LINE));
    assertEquals(1, s.stories(OTHER));
    s.remove(z, LINE);
    assertEquals(2, s.stories(LINE));
    s.remove(x, LINE); // x still has an article with the line
    assertEquals(2, s.stories(LINE));
    s.remove(x, LINE, OTHER); // x has none now
    assertEquals(1, s.stories(LINE));
    assertEquals(0, s.stories(OTHER));
    s.remove(y, LINE);
    assertEquals(0, s.stories(LINE));
    s.stories.remove(new long[] {LINE}, y); // a delete of what is not counted changes nothing
    assertEquals(0, s.stories.stories(LINE, 0));
    s.add(y, LINE); // counted again from nothing
    assertEquals(1, s.stories(LINE));
  }

  /** The counts depend on the articles counted, not on the order they are counted in (an open). */
  @Test
  void orderDoesNotMatter() {
    long[][] articles = {{1, 2}, {2, 3}, {1}, {3, 4}, {2}, {1, 4}};
    String[] storyOf = {"a", "b", "a", "c", "c", "b"};
    Counted forward = new Counted();
    Counted backward = new Counted();
    for (int i = 0; i < articles.length; i++) {
      forward.add(LineStories.story(storyOf[i]), articles[i]);
      int j = articles.length - 1 - i;
      backward.add(LineStories.story(storyOf[j]), articles[j]);
    }
    for (long key = 1; key <= 4; key++) {
      assertEquals(forward.stories(key), backward.stories(key), "key " + key);
    }
    assertEquals(2, forward.stories(1)); // a, b
    assertEquals(3, forward.stories(2)); // a, b, c
    assertEquals(2, forward.stories(3)); // b, c
    assertEquals(2, forward.stories(4)); // c, b
  }

  @Test
  void aVerdictIsSettledWhenUndecidedStoriesCannotChangeIt() {
    int longLine = BoilerplateFilter.SHORT_LINE_TOKENS + 1;
    // two articles of the segment carry a long line only this source prints, no story decided:
    // one story (kept) or two (chrome), so it waits
    assertFalse(BoilerplateFilter.settled(longLine, 2, 2, 0, 2));
    // two stories decided already: chrome whatever the undecided ones are
    assertTrue(BoilerplateFilter.settled(longLine, 3, 3, 2, 1));
    // another source prints it: kept whatever
    assertTrue(BoilerplateFilter.settled(longLine, 2, 3, 0, 2));
    // one decided, one undecided: one story or two
    assertFalse(BoilerplateFilter.settled(longLine, 2, 2, 1, 1));
    // a short line's verdict reads articles, not stories
    assertTrue(BoilerplateFilter.settled(3, 2, 2, 0, 2));
    // nothing undecided
    assertTrue(BoilerplateFilter.settled(longLine, 2, 2, 1, 0));
  }
}
