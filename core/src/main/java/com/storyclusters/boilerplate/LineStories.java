package com.storyclusters.boilerplate;

import com.storyclusters.text.Tokenizer;
import java.util.function.LongToIntFunction;

/**
 * Per-source line counts by story: for each line key in a source ({@code fingerprint.LineKeys}),
 * how many different stories (story clusters) among the source's indexed articles carry it. A line
 * is a source's chrome only when it recurs there under different stories ({@link
 * BoilerplateFilter}): a site that runs its own story again, with other pages appended, repeats
 * the story's paragraphs within one story, and they stay its text.
 *
 * <p>Exact at all times (not frozen by epoch): an article counts once its cluster is decided, and a
 * delete takes it out at once. For each (line key, story) pair it keeps how many articles carry
 * it, so that a delete knows whether the story still carries the line; the number of stories is
 * kept only for keys that two or more stories carry (a key that articles carry is carried by one
 * story otherwise: the caller's article count says whether any does). Memory: a {@link
 * LongCounts} of about 9-10 bytes per (line key, story) entry, and another per key of two or
 * more stories. Not thread-safe for writes; reads are safe while no thread writes.
 * Internal.
 */
public final class LineStories {
  private final LongCounts carriers = new LongCounts();
  /** Keys that two or more stories carry, and how many. */
  private final LongCounts several = new LongCounts();

  /** The story tag of a cluster id: what {@link #add} takes. */
  public static long story(String clusterId) {
    return Tokenizer.hashToken(clusterId);
  }

  /**
   * How many different stories of the key's source carry the line with this key, given how many
   * of the source's articles carry it.
   */
  public int stories(long sourceLineKey, int articles) {
    int n = several.get(sourceLineKey);
    return n > 0 ? n : articles > 0 ? 1 : 0;
  }

  /**
   * Counts an article of story {@code story} that carries the lines with these keys in its source
   * (distinct).
   *
   * @param articlesBefore how many articles of the source carried a key before this one
   */
  public void add(long[] distinctSourceLineKeys, long story, LongToIntFunction articlesBefore) {
    for (long key : distinctSourceLineKeys) {
      if (carriers.add(pair(key, story), 1) == 1) { // the story did not carry it yet
        int before = stories(key, articlesBefore.applyAsInt(key));
        if (before >= 1) {
          several.add(key, before + 1 - several.get(key)); // now before + 1
        }
      }
    }
  }

  /** Takes out an article that {@link #add} counted. */
  public void remove(long[] distinctSourceLineKeys, long story) {
    for (long key : distinctSourceLineKeys) {
      long pair = pair(key, story);
      int before = carriers.get(pair);
      if (before > 0 && carriers.add(pair, -1) == 0) { // the story carries it no more
        int n = several.get(key);
        if (n > 2) {
          several.add(key, -1);
        } else if (n > 0) {
          several.add(key, -n); // one story left: counted by the articles' count
        }
      }
    }
  }

  private static long pair(long key, long story) {
    return Tokenizer.fmix64(story * 31 + key);
  }
}
