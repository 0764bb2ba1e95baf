package com.storyclusters;

import com.storyclusters.batch.BatchSteps;
import com.storyclusters.batch.Fingerprinted;
import com.storyclusters.batch.LineQueries;
import com.storyclusters.batch.PartReplay;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
import com.storyclusters.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The batch plan ({@link BatchSteps}, {@link PartReplay}) run in one JVM with plain maps and
 * sweeps in input order: the reference a distributed engine's joins must agree with, and the
 * check that the plan gives the library's assignments. Counts what it did in {@link #rounds} and
 * {@link #parts}.
 */
final class LocalBatch {
  private final BatchSteps steps;
  int rounds;
  int largestPart;
  int parts;
  int storyDependent;

  LocalBatch(Settings settings) {
    this.steps = new BatchSteps(settings);
  }

  List<Assignment> run(List<Article> input) {
    int n = input.size();
    LineQueries[] lines = new LineQueries[n];
    for (int i = 0; i < n; i++) {
      lines[i] = steps.lines(input.get(i));
    }
    // line counts: a prefix count per key
    int[][] ofSource = new int[n][];
    int[][] ofAll = new int[n][];
    LongIntHashMap seen = new LongIntHashMap();
    for (int i = 0; i < n; i++) {
      ofSource[i] = counts(lines[i].ofSource(), seen);
      ofAll[i] = counts(lines[i].ofAll(), seen);
      for (long k : lines[i].counted()) {
        seen.addTo(k, 1);
      }
    }
    Map<Integer, boolean[]> assumed = new HashMap<>();
    Map<String, Map<String, MatchScores>> extra = new HashMap<>(); // rep scores asked for
    while (true) {
      rounds++;
      Fingerprinted[] fps = new Fingerprinted[n];
      for (int i = 0; i < n; i++) {
        fps[i] = steps.fingerprint(input.get(i), i, ofSource[i], ofAll[i], assumed.get(i));
      }
      PartReplay.Article[] decidable = decidable(fps, extra);
      List<Assignment> out = replayParts(fps, decidable, extra);
      if (out == null) {
        if (System.getenv("LOCALBATCH_DEBUG") != null) {
          System.err.println("round " + rounds + ": representatives asked for");
        }
        continue; // representatives' scores were asked for: scored, decide again
      }
      // the stories assumed must be the stories decided
      boolean changed = false;
      Map<Long, Set<String>> carriers = new HashMap<>();
      storyDependent = 0;
      for (int i = 0; i < n; i++) {
        Fingerprinted fp = fps[i];
        if (fp.storyDependent().length > 0) {
          storyDependent++;
          boolean[] actual = assumed.getOrDefault(i, new boolean[lines[i].ofSource().length])
              .clone();
          for (int d = 0; d < fp.storyDependent().length; d++) {
            int line = fp.storyDependent()[d];
            Set<String> stories = carriers.get(lines[i].ofSource()[line]);
            actual[line] = stories != null && stories.size() >= 2;
            if (actual[line] != fp.severalStories()[d]) {
              changed = true;
            }
          }
          assumed.put(i, actual);
        }
        for (long k : lines[i].sourceKeys()) {
          carriers.computeIfAbsent(k, x -> new HashSet<>()).add(out.get(i).clusterId());
        }
      }
      if (!changed) {
        return out;
      }
      if (System.getenv("LOCALBATCH_DEBUG") != null) {
        System.err.println("round " + rounds + ": story-dependent " + storyDependent);
      }
      if (rounds > 50) {
        throw new IllegalStateException("no fixed point after 50 rounds");
      }
    }
  }

  private static int[] counts(long[] keys, LongIntHashMap seen) {
    int[] out = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      out[k] = seen.get(keys[k]);
    }
    return out;
  }

  /** Statistics, queries, candidates and scores, by a sweep in input order. */
  private PartReplay.Article[] decidable(Fingerprinted[] fps,
      Map<String, Map<String, MatchScores>> extra) {
    int n = fps.length;
    Map<Integer, int[]> cells0 = new HashMap<>();
    LongIntHashMap[] table = {new LongIntHashMap(), new LongIntHashMap()};
    IntIntHashMap recent = new IntIntHashMap();
    int counted = 0; // articles in the table
    long epoch = -1;
    Map<Integer, List<Integer>> byShingle = new HashMap<>();
    Map<String, Integer> ordinal = new HashMap<>();
    PartReplay.Article[] out = new PartReplay.Article[n];
    for (int i = 0; i < n; i++) {
      Fingerprinted fp = fps[i];
      long start = BatchSteps.epochStart(i);
      if (start != epoch) {
        for (; counted < start; counted++) {
          for (int h : fps[counted].set()) {
            table[0].addTo(steps.cell(0, h), 1);
            table[1].addTo(steps.cell(1, h), 1);
          }
        }
        recent.clear();
        epoch = start;
      }
      int[] frozen = frozen(fp.set(), table);
      int[] recentCounts = new int[fp.set().length];
      for (int k = 0; k < recentCounts.length; k++) {
        recentCounts[k] = recent.get(fp.set()[k]);
      }
      BatchSteps.Query q = steps.query(fp, frozen, recentCounts);
      List<String> top = new ArrayList<>();
      Map<String, MatchScores> scores = new TreeMap<>();
      if (q.canLink()) {
        Map<Integer, Integer> hits = new TreeMap<>();
        for (int a : q.anchors()) {
          for (int j : byShingle.getOrDefault(a, List.of())) {
            hits.merge(j, 1, Integer::sum);
          }
        }
        String[] ids = new String[hits.size()];
        int[] h = new int[hits.size()];
        int[] js = new int[hits.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : hits.entrySet()) {
          js[k] = e.getKey();
          ids[k] = fps[e.getKey()].id();
          h[k++] = e.getValue();
        }
        for (int t : steps.top(ids, h)) {
          Fingerprinted other = fps[js[t]];
          top.add(other.id());
          scores.put(other.id(), q.worthWeighing(other)
              ? q.score(other, frozen(other.set(), table)) : null);
        }
        for (String rep : extra.getOrDefault(fp.id(), Map.of()).keySet()) {
          Fingerprinted other = fps[ordinal.get(rep)];
          scores.put(rep, q.score(other, frozen(other.set(), table)));
        }
      }
      out[i] = new PartReplay.Article(fp, q.canLink(), top, scores);
      // this article: a candidate of later ones, and recent for the rest of its epoch
      ordinal.put(fp.id(), i);
      for (int s : steps.heldKeys(fp)) {
        byShingle.computeIfAbsent(s, x -> new ArrayList<>()).add(i);
      }
      for (int s : fp.set()) {
        recent.addTo(s, 1);
      }
    }
    return out;
  }

  private int[] frozen(int[] set, LongIntHashMap[] table) {
    int[] out = new int[set.length];
    for (int k = 0; k < set.length; k++) {
      out[k] = BatchSteps.estimate(table[0].get(steps.cell(0, set[k])),
          table[1].get(steps.cell(1, set[k])));
    }
    return out;
  }

  /** Parts by union-find over linked pairs and equal texts; each replayed. Null: rep asked for. */
  private List<Assignment> replayParts(Fingerprinted[] fps, PartReplay.Article[] decidable,
      Map<String, Map<String, MatchScores>> extra) {
    int n = fps.length;
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> ordinal = new HashMap<>();
    Map<Long, Integer> byText = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ordinal.put(fps[i].id(), i);
      Integer same = byText.putIfAbsent(fps[i].textHash(), i);
      if (same != null) {
        union(parent, i, same);
      }
      for (Map.Entry<String, MatchScores> e : decidable[i].scores().entrySet()) {
        if (e.getValue() != null) {
          union(parent, i, ordinal.get(e.getKey()));
        }
      }
    }
    Map<Integer, List<PartReplay.Article>> byPart = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byPart.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(decidable[i]);
    }
    parts = byPart.size();
    Assignment[] out = new Assignment[n];
    boolean asked = false;
    for (List<PartReplay.Article> part : byPart.values()) {
      largestPart = Math.max(largestPart, part.size());
      PartReplay.Result r = PartReplay.replay(part);
      for (String[] m : r.missing()) {
        extra.computeIfAbsent(m[0], x -> new HashMap<>()).put(m[1], null);
        asked = true;
      }
      for (Assignment a : r.assignments()) {
        out[ordinal.get(a.articleId())] = a;
      }
    }
    return asked ? null : Arrays.asList(out);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int x = find(parent, a);
    int y = find(parent, b);
    if (x != y) {
      parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
}
