package com.storyclusters.spark;

import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
import com.storyclusters.batch.Fingerprinted;
import com.storyclusters.batch.LineQueries;
import com.storyclusters.batch.PartReplay;
import com.storyclusters.boilerplate.LineStories;
import com.storyclusters.examples.ClusterCommand;
import com.storyclusters.examples.Jsonl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The parts of {@link SparkPlan}: finding them (linked pairs and equal texts, on the driver),
 * replaying each with the cluster rule, and checking the story verdicts the round assumed against
 * the stories decided. Stateless.
 */
final class SparkParts {
  private SparkParts() {}

  /**
   * The edges that connect parts: each linked pair, and each article with the first earlier
   * article of an equal text.
   */
  static List<long[]> edges(JavaPairRDD<Long, Fingerprinted> fps,
      JavaPairRDD<Long, Map<Long, MatchScores>> scores) {
    List<long[]> edges = new ArrayList<>(scores.flatMap(t -> {
      List<long[]> out = new ArrayList<>();
      for (Map.Entry<Long, MatchScores> e : t._2().entrySet()) {
        if (e.getValue() != null) {
          out.add(new long[] {t._1(), e.getKey()});
        }
      }
      return out.iterator();
    }).collect());
    edges.addAll(PrefixCounts.group(fps.mapToPair(t -> new Tuple2<>(t._2().textHash(), t._1())),
        fps.getNumPartitions()).flatMap(g -> {
          List<long[]> out = new ArrayList<>();
          long first = Long.MAX_VALUE;
          for (long p : g._2()) {
            first = Math.min(first, p);
          }
          for (long p : g._2()) {
            if (p != first) {
              out.add(new long[] {first, p});
            }
          }
          return out.iterator();
        }).collect());
    return edges;
  }

  /**
   * Each position's part: the smallest position connected to it by the edges (union-find on the
   * driver: the edges are few, one per linked pair or equal text).
   */
  static int[] parts(List<long[]> edges, long n, long[] sizes) {
    int[] parent = new int[(int) n];
    Arrays.setAll(parent, i -> i);
    for (long[] e : edges) {
      int x = find(parent, (int) e[0]);
      int y = find(parent, (int) e[1]);
      if (x != y) {
        parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
    int[] size = new int[(int) n];
    int count = 0;
    int largest = 0;
    for (int i = 0; i < parent.length; i++) {
      parent[i] = find(parent, i);
      if (size[parent[i]]++ == 0) {
        count++;
      }
      largest = Math.max(largest, size[parent[i]]);
    }
    sizes[0] = count;
    sizes[1] = largest;
    return parent;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * A part replayed: its articles' decisions; or, when the cluster rule asked for the scores of
   * representatives that were no candidates, the pairs asked for ({position, representative's
   * position}) and the part's articles, to replay it with those scores.
   */
  record Replayed(List<Tuple2<Long, SparkPlan.Decided>> decided, List<long[]> asked,
      List<PartReplay.Article> articles) implements java.io.Serializable {}

  /** Replays a part (its articles in any order). */
  static Replayed replay(Iterable<PartReplay.Article> articles) {
    List<PartReplay.Article> part = new ArrayList<>();
    articles.forEach(part::add);
    part.sort((x, y) -> Long.compare(x.fp().position(), y.fp().position()));
    Map<String, Long> position = new HashMap<>();
    for (PartReplay.Article a : part) {
      position.put(a.fp().id(), a.fp().position());
    }
    PartReplay.Result r = PartReplay.replay(part);
    if (!r.missing().isEmpty()) {
      List<long[]> asked = new ArrayList<>();
      for (String[] m : r.missing()) {
        Long rep = position.get(m[1]);
        if (rep == null) { // a representative is a member of a cluster of the part
          throw new IllegalStateException("a representative outside its part: " + m[1]);
        }
        asked.add(new long[] {position.get(m[0]), rep});
      }
      return new Replayed(List.of(), asked, part);
    }
    List<Tuple2<Long, SparkPlan.Decided>> out = new ArrayList<>();
    for (Assignment a : r.assignments()) {
      out.add(new Tuple2<>(position.get(a.articleId()), new SparkPlan.Decided(a.clusterId(),
          a.bestMatch().orElse(null), a.scores().orElse(null),
          Jsonl.write(ClusterCommand.toJson(a)))));
    }
    return new Replayed(out, List.of(), List.of());
  }

  /**
   * For each article whose boilerplate verdict depended on stories, the verdict input the
   * decided stories give: for each of its lines, whether two or more stories of its source
   * carried the line before it.
   */
  static Map<Long, boolean[]> storiesCheck(JavaSparkContext jsc,
      JavaPairRDD<Long, Fingerprinted> fps, JavaPairRDD<Long, LineQueries> lines,
      Map<Long, SparkPlan.Decided> decided, long[] dependent) {
    JavaPairRDD<Long, Fingerprinted> storyDependents = fps.filter(
        t -> t._2().storyDependent().length > 0).persist(StorageLevel.MEMORY_AND_DISK_SER());
    dependent[0] = storyDependents.count();
    if (dependent[0] == 0) {
      storyDependents.unpersist();
      return Map.of();
    }
    Map<Long, Long> story = new HashMap<>();
    decided.forEach((pos, d) -> story.put(pos, LineStories.story(d.clusterId())));
    Broadcast<Map<Long, Long>> bstory = jsc.broadcast(story);
    // (source line key, (position, story, -1)) for every carrier; (key, (position, -1, line))
    // for every story-dependent line
    JavaPairRDD<Long, long[]> carriers = lines.flatMapToPair(t -> {
      List<Tuple2<Long, long[]>> out = new ArrayList<>();
      for (long k : t._2().sourceKeys()) {
        out.add(new Tuple2<>(k, new long[] {t._1(), bstory.value().get(t._1()), -1}));
      }
      return out.iterator();
    });
    JavaPairRDD<Long, long[]> asks = storyDependents.join(lines).flatMapToPair(t -> {
      List<Tuple2<Long, long[]>> out = new ArrayList<>();
      for (int line : t._2()._1().storyDependent()) {
        out.add(new Tuple2<>(t._2()._2().ofSource()[line], new long[] {t._1(), 0, line}));
      }
      return out.iterator();
    });
    List<long[]> verdicts = carriers.union(asks).groupByKey().flatMap(g -> {
      List<long[]> all = new ArrayList<>();
      g._2().forEach(all::add);
      List<long[]> out = new ArrayList<>();
      for (long[] a : all) {
        if (a[2] < 0) {
          continue;
        }
        Set<Long> stories = new HashSet<>();
        for (long[] c : all) {
          if (c[2] < 0 && c[0] < a[0]) {
            stories.add(c[1]);
          }
        }
        out.add(new long[] {a[0], a[2], stories.size() >= 2 ? 1 : 0});
      }
      return out.iterator();
    }).collect();
    Map<Long, Integer> lineCount = storyDependents.join(lines).mapToPair(t -> new Tuple2<>(t._1(),
        t._2()._2().ofSource().length)).collectAsMap();
    storyDependents.unpersist();
    Map<Long, boolean[]> out = new HashMap<>();
    for (long[] v : verdicts) {
      out.computeIfAbsent(v[0], p -> new boolean[lineCount.get(p)])[(int) v[1]] = v[2] == 1;
    }
    return out;
  }
}
