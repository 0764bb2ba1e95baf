package com.storyclusters.index;

import com.storyclusters.SettingsMismatchException;
import com.storyclusters.StoryClustersException;

import com.storyclusters.minhash.MinHasher;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings an index is written with: everything that changes what is stored. Recorded in the
 * Lucene commit user data; an index opened with other values fails with a {@link
 * SettingsMismatchException}. Immutable; internal.
 */
public record IndexSettings(int shingleSize, int k, long seed, MinHasher.Scheme scheme,
    boolean title, boolean storeText) {
  private static final int FORMAT_VERSION = IndexLayout.FORMAT_VERSION;
  private static final String FORMAT_KEY = IndexLayout.FORMAT_KEY;
  private static final String STORE_TEXT_KEY = "storyclusters.storeText";

  /** These settings with the text storage an existing index was created with, if recorded. */
  IndexSettings withStoredText(Map<String, String> stored) {
    String recorded = stored.get(STORE_TEXT_KEY);
    return recorded == null ? this : new IndexSettings(shingleSize, k, seed, scheme, title,
        Boolean.parseBoolean(recorded));
  }

  Map<String, String> toUserData() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(FORMAT_KEY, Integer.toString(FORMAT_VERSION));
    m.put("storyclusters.shingleSize", Integer.toString(shingleSize));
    m.put("storyclusters.k", Integer.toString(k));
    m.put("storyclusters.seed", Long.toString(seed));
    m.put("storyclusters.scheme", scheme.name());
    m.put("storyclusters.title", Boolean.toString(title));
    m.put(STORE_TEXT_KEY, Boolean.toString(storeText));
    return m;
  }

  /** The commit user data keys the settings are recorded under. */
  static java.util.Set<String> recordedKeys() {
    return new IndexSettings(0, 0, 0, MinHasher.Scheme.values()[0], false, false)
        .toUserData().keySet();
  }

  /** Throws if {@code stored} (an index's commit user data) differs from these settings. */
  void check(Map<String, String> stored, String path) {
    Map<String, String> mine = toUserData();
    String format = stored.get(FORMAT_KEY);
    if (format == null) {
      throw new StoryClustersException("index at " + path
          + " has no storyclusters format version: not a storyclusters index, or written by a "
          + "version before 1");
    }
    for (Map.Entry<String, String> e : mine.entrySet()) {
      if (e.getKey().equals(STORE_TEXT_KEY)) {
        continue; // an existing index keeps the choice it was created with
      }
      if (e.getKey().equals(FORMAT_KEY) && IndexLayout.READABLE_VERSIONS.contains(format)) {
        continue; // an older format this version reads (its next commit records this one)
      }
      String theirs = stored.get(e.getKey());
      if (!e.getValue().equals(theirs)) {
        String name = e.getKey().substring("storyclusters.".length());
        throw new SettingsMismatchException(path, name, String.valueOf(theirs), e.getValue());
      }
    }
  }
}
