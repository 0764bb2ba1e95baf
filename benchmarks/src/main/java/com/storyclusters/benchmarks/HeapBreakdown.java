package com.storyclusters.benchmarks;

import com.storyclusters.StoryClusters;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an open {@link StoryClusters}'s largest in-memory structures hold, by structure: the
 * primitive arrays of the anchor map (its table and its arena), the line counts, the story counts,
 * the frequency table, the ids' ordinals, the evidence records' offsets, and the evidence scratch
 * file's bytes (mapped, in the
 * page cache, not on the heap). Read by reflection over the library's internals, for {@link
 * ScaleHarness}: a diagnostic, whose field names follow the library's, so a renamed field fails
 * here at once rather than printing a wrong figure. Arrays count their header and their slots, not
 * the objects they reference (the ids themselves are in "the rest").
 */
final class HeapBreakdown {
  private HeapBreakdown() {}

  /** Bytes by structure, in a fixed order; the scratch file's last. */
  static Map<String, Long> of(StoryClusters sc) throws ReflectiveOperationException {
    Map<String, Long> out = new LinkedHashMap<>();
    Object pipeline = get(sc, "pipeline");
    Object candidates = get(pipeline, "candidates");
    long table = 0;
    long arena = 0;
    for (Object shard : (Object[]) get(candidates, "byShingle")) {
      table += bytes(get(shard, "keys")) + bytes(get(shard, "refs"));
      Object settled = get(shard, "settled");
      if (settled != null) {
        table += bytes(get(settled, "starts")) + bytes(get(settled, "lows"))
            + bytes(get(settled, "refs"));
      }
      arena += bytes(get(shard, "arena"));
    }
    out.put("anchor table", table);
    out.put("anchor arena", arena);
    Object stats = get(pipeline, "stats");
    out.put("line counts", counts(get(get(stats, "lines"), "counts")));
    Object stories = get(stats, "stories");
    Object several = get(stories, "several");
    out.put("story counts", counts(get(stories, "carriers")) + counts(several));
    Object frequencies = get(stats, "frequencies");
    out.put("frequency table", bytes(get(frequencies, "first"))
        + bytes(get(frequencies, "second")));
    Object ordinals = get(candidates, "ordinals");
    out.put("ids' ordinals", bytes(get(candidates, "ids")) + bytes(get(ordinals, "slots")));
    Object store = get(candidates, "store");
    long offsets = 0;
    long scratch = 0;
    for (Class<?> c = store.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        f.setAccessible(true);
        if (f.getName().equals("at")) { // a mapped store: each record's place
          offsets = bytes(f.get(store));
        } else if (f.getName().equals("end")) { // and the records' end, in ints
          scratch = 4 * f.getLong(store);
        }
      }
    }
    out.put("evidence offsets", offsets);
    out.put("scratch file", scratch);
    return out;
  }

  /** The bytes of a {@code boilerplate.LongCounts}: its table and its sorted tier. */
  private static long counts(Object counts) throws ReflectiveOperationException {
    Object table = get(counts, "recent");
    long bytes = bytes(get(table, "keys")) + bytes(get(table, "counts"))
        + map(get(table, "large"));
    Object sorted = get(counts, "settled");
    if (sorted != null) {
      bytes += bytes(get(sorted, "starts")) + bytes(get(sorted, "entries"))
          + map(get(sorted, "large"));
    }
    return bytes;
  }

  /** The bytes of an HPPC {@code LongIntHashMap}'s arrays. */
  private static long map(Object map) throws ReflectiveOperationException {
    return bytes(get(map, "keys")) + bytes(get(map, "values"));
  }

  private static Object get(Object o, String name) throws ReflectiveOperationException {
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
      } catch (NoSuchFieldException e) {
        // a superclass may declare it
      }
    }
    throw new NoSuchFieldException(o.getClass().getName() + "." + name);
  }

  /** The bytes of a primitive or reference array (compressed references: 4 bytes a slot). */
  private static long bytes(Object array) {
    if (array == null) {
      return 0;
    }
    Class<?> t = array.getClass().getComponentType();
    int width = t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
        : t == short.class || t == char.class ? 2 : t == byte.class || t == boolean.class ? 1 : 4;
    return 16 + (long) Array.getLength(array) * width;
  }
}
