package com.storyclusters.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Story counts per line key, and when a verdict does not wait for undecided stories. */
class LineStoriesTest {
  private static final long LINE = 42;
  private static final long OTHER = 43;

  @Test
  void countsDifferentStoriesAndTakesDeletesOutAtOnce() {
    LineStories s = new LineStories();
    long x = LineStories.story("x");
    long y = LineStories.story("y");
    s.add(new long[] {LINE}, x, 1);
    s.add(new long[] {LINE, OTHER}, x, 1); // a second article of story x: still one story
    assertEquals(1, s.stories(LINE));
    s.add(new long[] {LINE}, y, 1);
    assertEquals(2, s.stories(LINE));
    assertEquals(1, s.stories(OTHER));
    s.add(new long[] {LINE}, x, -1); // x still has an article with the line
    assertEquals(2, s.stories(LINE));
    s.add(new long[] {LINE, OTHER}, x, -1); // x has none now
    assertEquals(1, s.stories(LINE));
    assertEquals(0, s.stories(OTHER));
    s.add(new long[] {LINE}, y, -1);
    assertEquals(0, s.stories(LINE));
    s.add(new long[] {LINE}, y, -1); // a delete of what is not counted changes nothing
    assertEquals(0, s.stories(LINE));
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
