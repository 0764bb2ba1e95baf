package com.storyclusters.boilerplate;

import com.carrotsearch.hppc.LongIntHashMap;
import com.storyclusters.text.Tokenizer;

/**
 * Per-source line counts by story: for each line key in a source ({@code fingerprint.LineKeys}),
 * how many different stories (story clusters) among the source's indexed articles carry it. A line
 * is a source's chrome only when it recurs there under different stories ({@link
 * BoilerplateFilter}): a site that runs its own story again, with other pages appended, repeats
 * the story's paragraphs within one story, and they stay its text.
 *
 * <p>Exact at all times (not frozen by epoch): an article counts once its cluster is decided, and a
 * delete takes it out at once. For each (line key, story) pair it keeps how many articles carry
 * it, so that a delete knows whether the story still carries the line. Memory: two HPPC tables of
 * 8-byte keys and 4-byte counts, about 16-24 bytes per entry, one entry per distinct line key of a
 * source and one per (line key, story). Not thread-safe for writes; reads are safe while no thread
 * writes. Internal.
 */
public final class LineStories {
  private final LongIntHashMap stories = new LongIntHashMap();
  private final LongIntHashMap carriers = new LongIntHashMap();

  /** The story tag of a cluster id: what {@link #add} takes. */
  public static long story(String clusterId) {
    return Tokenizer.hashToken(clusterId);
  }

  /** How many different stories of the key's source carry the line with this key. */
  public int stories(long sourceLineKey) {
    return stories.get(sourceLineKey);
  }

  /**
   * Adds ({@code delta} 1) or takes out ({@code -1}) an article of story {@code story} that carries
   * the lines with these keys in its source (distinct).
   */
  public void add(long[] distinctSourceLineKeys, long story, int delta) {
    for (long key : distinctSourceLineKeys) {
      long pair = Tokenizer.fmix64(story * 31 + key);
      int before = carriers.get(pair);
      int after = Math.max(0, before + delta);
      if (after == 0) {
        carriers.remove(pair);
      } else {
        carriers.put(pair, after);
      }
      if (before == 0 && after > 0) {
        stories.addTo(key, 1);
      } else if (before > 0 && after == 0 && stories.addTo(key, -1) <= 0) {
        stories.remove(key);
      }
    }
  }
}
