package com.storyclusters.examples;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a syndicated-news corpus at any scale from real article text, with gold labels.
 *
 * <p>Each story is a real article (from the BBC set, or any texts given). Beyond the real
 * articles, further stories are variants of them: every word replaced through a substitution
 * drawn from the corpus's own vocabulary, fixed per variant, so variants keep the length, paragraph
 * shape and word statistics of real news but share no text with each other. Each story is
 * published by one to six of twenty sites; every copy gets its site's chrome (header and footer
 * lines), and may be trimmed at the end, lightly edited (a few words changed, a sentence dropped),
 * or followed by "related articles" carrying the start of other stories, as seed 003 is. Half the
 * sites print the headline above the text, and half of those open with "Top stories", teasers of
 * other stories (headline and first paragraph), before it. The gold cluster of a copy is its
 * story. Deterministic for a given seed and input.
 */
public final class CorpusGenerator {
  private static final int SITES = 20;
  private static final double[] COPIES_CDF = {0.30, 0.55, 0.75, 0.87, 0.95, 1.0};

  private final List<String[]> paragraphs = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();
  private final String[] vocabulary;
  private final long seed;

  /**
   * @param texts real article texts (paragraphs separated by line breaks)
   * @param titles their titles, same order
   */
  public CorpusGenerator(List<String> texts, List<String> titles, long seed) {
    checkArgument(!texts.isEmpty() && texts.size() == titles.size(),
        "need as many titles as texts, and at least one text");
    java.util.LinkedHashSet<String> vocab = new java.util.LinkedHashSet<>();
    for (String t : texts) {
      String[] ps = t.split("\n+");
      paragraphs.add(ps);
      for (String w : t.split("[^\\p{L}\\p{N}]+")) {
        if (w.length() > 1) {
          vocab.add(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    this.titles.addAll(titles);
    this.vocabulary = vocab.toArray(new String[0]);
    this.seed = seed;
  }

  /** Writes {@code count} articles and their gold labels. */
  public void write(int count, Writer articles, Writer gold) throws IOException {
    Random r = new Random(seed);
    int written = 0;
    List<ObjectNode[]> window = new ArrayList<>();
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int story = 0; written < count; story++) {
      int copies = 1;
      double u = r.nextDouble();
      while (u > COPIES_CDF[copies - 1]) {
        copies++;
      }
      copies = Math.min(copies, count - written);
      String[] body = storyParagraphs(story);
      String title = storyTitle(story);
      int firstSite = r.nextInt(SITES);
      for (int c = 0; c < copies; c++) {
        int site = (firstSite + c * 7) % SITES;
        String id = String.format("g%08d-%d", story, c);
        String text = copy(body, site, story, r);
        String headline = c == 0 ? title : edited(title, r);
        text = page(text, headline, site, story);
        ObjectNode a = Jsonl.newObject();
        a.put("id", id);
        a.put("source", "site" + site);
        a.put("title", headline);
        a.put("text", text);
        a.put("published", start.plusDays(story / 2000 + (c > 0 ? r.nextInt(2) : 0)).toString());
        a.put("language", "en");
        ObjectNode g = Jsonl.newObject();
        g.put("id", id);
        g.put("cluster", "story" + story);
        window.add(new ObjectNode[] {a, g});
        written++;
      }
      if (window.size() >= 64 || written == count) {
        java.util.Collections.shuffle(window, r); // interleave nearby stories
        for (ObjectNode[] pair : window) {
          articles.write(Jsonl.write(pair[0]));
          articles.write('\n');
          gold.write(Jsonl.write(pair[1]));
          gold.write('\n');
        }
        window.clear();
      }
    }
  }

  private String storyTitle(int story) {
    int base = story % titles.size();
    return story < titles.size() ? titles.get(base) : substitute(titles.get(base), story);
  }

  private String[] storyParagraphs(int story) {
    String[] base = paragraphs.get(story % paragraphs.size());
    if (story < paragraphs.size()) {
      return base;
    }
    String[] out = new String[base.length];
    for (int i = 0; i < base.length; i++) {
      out[i] = substitute(base[i], story);
    }
    return out;
  }

  /** Replaces every word through a substitution fixed by the story's variant number. */
  private String substitute(String text, int story) {
    int variant = story / paragraphs.size();
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
        j++;
      }
      if (j > i) {
        String w = text.substring(i, j);
        long h = com.storyclusters.text.Tokenizer.fmix64(
            com.storyclusters.text.Tokenizer.hashToken(w.toLowerCase(java.util.Locale.ROOT))
                + variant * 0x9E3779B97F4A7C15L);
        String v = vocabulary[(int) Long.remainderUnsigned(h, vocabulary.length)];
        out.append(Character.isUpperCase(w.charAt(0))
            ? Character.toUpperCase(v.charAt(0)) + v.substring(1) : v);
        i = j;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private String copy(String[] body, int site, int story, Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Site").append(site).append(" | Home | World | Business | Sport\n");
    if (site % 3 == 0) {
      sb.append("Advertisement\n");
    }
    int keep = body.length;
    if (r.nextDouble() < 0.4 && body.length > 2) {
      keep = Math.max(2, (int) Math.ceil(body.length * (0.5 + 0.5 * r.nextDouble())));
    }
    for (int p = 0; p < keep; p++) {
      String para = body[p];
      if (r.nextDouble() < 0.15) {
        para = edited(para, r);
      }
      if (p > 0 && r.nextDouble() < 0.05) {
        continue; // a dropped paragraph
      }
      sb.append(para).append('\n');
    }
    if (r.nextDouble() < 0.2) {
      sb.append("Related articles\n");
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) {
        int other = Math.max(0, story - 1 - r.nextInt(50));
        if (other == story) {
          continue;
        }
        String[] o = storyParagraphs(other);
        sb.append(storyTitle(other)).append('\n');
        for (int p = 0; p < Math.min(o.length, 2 + r.nextInt(3)); p++) {
          sb.append(o[p]).append('\n');
        }
      }
    }
    sb.append("(c) Site").append(site).append(" 2025. All rights reserved.\n");
    sb.append("Get the Site").append(site).append(" app for the full experience\n");
    return sb.toString();
  }

  /**
   * The page layout of a site, after its navigation lines: even sites print the headline above
   * the text; a quarter of the sites open with "Top stories", teasers (headline and first
   * paragraph) of two earlier stories, before it. Drawn from its own random stream, so the copies'
   * texts are those of a corpus without layouts.
   */
  private String page(String text, String headline, int site, int story) {
    if (site % 2 != 0) {
      return text;
    }
    int navEnd = text.indexOf('\n') + 1;
    if (text.startsWith("Advertisement\n", navEnd)) {
      navEnd += "Advertisement\n".length();
    }
    StringBuilder sb = new StringBuilder(text.length() + 1024).append(text, 0, navEnd);
    if (site % 4 == 2 && story > 0) {
      Random r = new Random(story * 1_000_003L + site);
      sb.append("Top stories\n");
      for (int k = 0; k < 2; k++) {
        int other = Math.max(0, story - 1 - r.nextInt(50));
        String[] o = storyParagraphs(other);
        sb.append(storyTitle(other)).append('\n').append(o.length > 0 ? o[0] : "").append('\n');
      }
    }
    sb.append(headline).append('\n');
    return sb.append(text, navEnd, text.length()).toString();
  }

  /** A light edit: a few words replaced from the vocabulary. */
  private String edited(String text, Random r) {
    String[] words = text.split(" ");
    if (words.length == 0) {
      return text;
    }
    int edits = 1 + words.length / 40;
    for (int e = 0; e < edits; e++) {
      words[r.nextInt(words.length)] = vocabulary[r.nextInt(vocabulary.length)];
    }
    return String.join(" ", words);
  }
}
