package com.storyclusters;

import com.storyclusters.shingle.Shingler;
import com.storyclusters.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finds the passages of a text whose shingles all occur in another set (for explanations). */
final class Passages {
  private Passages() {}

  /** Up to {@code max} passages of at least two consecutive shared shingles, longest first. */
  static List<String> shared(String text, int[] otherSet, int shingleSize, int max) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      List<int[]> tokens = new ArrayList<>();
      Tokenizer.tokenize(line, (h, s, e) -> tokens.add(new int[] {s, e}));
      long[] shingles = Shingler.shingles(line, shingleSize);
      int runStart = -1;
      for (int i = 0; i <= shingles.length; i++) {
        boolean in = i < shingles.length
            && Arrays.binarySearch(otherSet, (int) (shingles[i] >>> 32)) >= 0;
        if (in && runStart < 0) {
          runStart = i;
        } else if (!in && runStart >= 0) {
          if (i - runStart >= 2) {
            int lastToken = Math.min(tokens.size() - 1, i - 1 + shingleSize - 1);
            out.add(line.substring(tokens.get(runStart)[0], tokens.get(lastToken)[1]));
          }
          runStart = -1;
        }
      }
    }
    out.sort((x, y) -> Integer.compare(y.length(), x.length()));
    return new ArrayList<>(out.subList(0, Math.min(max, out.size())));
  }
}
