package com.storyclusters.spark;

import com.storyclusters.MatchScores;
import com.storyclusters.Settings;
import com.storyclusters.batch.BatchSteps;
import com.storyclusters.batch.Fingerprinted;
import com.storyclusters.batch.LineQueries;
import com.storyclusters.batch.PartReplay;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The library's assignments computed as a Spark job: core's batch plan ({@code
 * com.storyclusters.batch}) with each step's inputs computed by joins. Per round: line counts
 * (prefix counts), fingerprints (with the story verdicts assumed so far), shingle statistics at
 * each article's epoch (prefix counts over the frequency table's cells and over shingles),
 * candidates (band keys and anchors; hits counted per pair), the pairs' scores (the other text's
 * frequencies fetched only for pairs worth weighing), the parts (connected by linked pairs and
 * equal texts, found on the driver), the cluster rule in each part in input order (in parallel),
 * and a check of the story verdicts assumed; a wrong one is corrected and the round run again.
 * Representatives the rule asks for are scored and their parts replayed, within the round. The
 * input's ids must be distinct. Not thread-safe.
 */
final class SparkPlan {
  /** Pairs' owner ids: article position times this, plus the pair's rank. */
  private static final long PAIRS = 1 << 12;

  private final JavaSparkContext jsc;
  private final Settings settings;
  private final int buckets;
  int rounds;
  int replays;
  long parts;
  long largestPart;
  long largestBandGroup;
  long storyDependent;
  /** Every article's id, by position (the candidates' ranking breaks ties by id). */
  private String[] idsByPosition;

  SparkPlan(JavaSparkContext jsc, Settings settings, int buckets) {
    this.jsc = jsc;
    this.settings = settings;
    this.buckets = buckets;
  }

  /** One BatchSteps per settings object per JVM (a broadcast value is one object there). */
  private static final Map<Settings, BatchSteps> STEPS = new IdentityHashMap<>();

  static BatchSteps steps(Settings s) {
    synchronized (STEPS) {
      return STEPS.computeIfAbsent(s, BatchSteps::new);
    }
  }

  /** An article's own statistics and query results. */
  record Own(Fingerprinted fp, int[] frozen, int[] recent, int[] anchors, boolean canLink)
      implements Serializable {}

  /** A decided article: its cluster and its output line. */
  record Decided(String clusterId, String line) implements Serializable {}

  /** The output lines, in input order, of the articles at positions 0.. of {@code articles}. */
  List<String> run(JavaPairRDD<Long, SparkArticles.Line> articles) {
    Broadcast<Settings> bs = jsc.broadcast(settings);
    int b = buckets;
    JavaPairRDD<Long, LineQueries> lines = articles.mapValues(
        l -> steps(bs.value()).lines(l.article())).persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Long, int[]> lineCounts = lineCounts(lines, b);
    JavaPairRDD<Long, String> ids = articles.mapValues(SparkArticles.Line::id);
    long n = articles.count();
    idsByPosition = new String[(int) n];
    ids.collectAsMap().forEach((pos, id) -> idsByPosition[(int) (long) pos] = id);
    Map<Long, boolean[]> assumed = new HashMap<>();
    while (true) {
      rounds++;
      Broadcast<Map<Long, boolean[]>> ba = jsc.broadcast(assumed);
      JavaPairRDD<Long, Fingerprinted> fps = articles.join(lineCounts).mapToPair(t -> {
        long pos = t._1();
        int[] counts = t._2()._2();
        int half = counts.length / 2;
        boolean boilerplate = bs.value().boilerplate();
        return new Tuple2<>(pos, steps(bs.value()).fingerprint(t._2()._1().article(), pos,
            boilerplate ? Arrays.copyOfRange(counts, 0, half) : null,
            boilerplate ? Arrays.copyOfRange(counts, half, counts.length) : null,
            ba.value().get(pos)));
      }).persist(StorageLevel.MEMORY_AND_DISK());
      JavaRDD<PrefixCounts.Index> adds = PrefixCounts.index(fps.flatMap(t -> PrefixCounts.adds(
          b, t._1(), cellsAndShingles(bs.value(), t._2().set())).iterator()), b)
          .persist(StorageLevel.MEMORY_ONLY());
      JavaPairRDD<Long, Own> own = own(fps, adds, bs, b).persist(StorageLevel.MEMORY_AND_DISK());
      long[] bandGroup = new long[1];
      JavaPairRDD<Long, List<Long>> top = SparkCandidates.top(jsc, settings, buckets,
          idsByPosition, own, bandGroup).persist(StorageLevel.MEMORY_AND_DISK());
      largestBandGroup = bandGroup[0];
      // the pairs' scores: for each article, its candidates' in rank order
      JavaPairRDD<Long, Tuple2<Integer, Long>> pairs = top.flatMapToPair(t -> {
        List<Tuple2<Long, Tuple2<Integer, Long>>> out = new ArrayList<>();
        for (int r = 0; r < t._2().size(); r++) {
          out.add(new Tuple2<>(t._1(), new Tuple2<>(r, t._2().get(r))));
        }
        return out.iterator();
      });
      JavaPairRDD<Long, Map<Long, MatchScores>> scores = scores(pairs, fps, own, adds, bs, b)
          .persist(StorageLevel.MEMORY_AND_DISK());
      Map<Long, Set<Long>> extra = new HashMap<>(); // representatives asked for
      JavaPairRDD<Long, Map<Long, MatchScores>> repScores = null;
      Map<Long, Decided> decided;
      while (true) {
        replays++;
        JavaPairRDD<Long, Map<Long, MatchScores>> all = repScores == null ? scores
            : scores.fullOuterJoin(repScores).mapValues(v -> {
              Map<Long, MatchScores> m = new HashMap<>(v._1().orElse(Map.of()));
              m.putAll(v._2().orElse(Map.of()));
              return m;
            }).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, PartReplay.Article> decidable = decidable(own, top, all)
            .persist(StorageLevel.MEMORY_AND_DISK());
        long[] sizes = new long[2];
        int[] part = SparkParts.parts(fps, all, n, sizes);
        parts = sizes[0];
        largestPart = sizes[1];
        Broadcast<int[]> bp = jsc.broadcast(part);
        JavaRDD<Tuple2<Long, Object>> replayed = decidable.mapToPair(
            t -> new Tuple2<>(bp.value()[(int) (long) t._1()], t._2())).groupByKey()
            .flatMap(g -> SparkParts.replay(g._2()).iterator());
        List<Tuple2<Long, Object>> missing = replayed.filter(t -> t._2() instanceof Long)
            .collect();
        if (missing.isEmpty()) {
          decided = new HashMap<>(replayed.mapToPair(t -> new Tuple2<>(t._1(),
              (Decided) t._2())).collectAsMap());
          decidable.unpersist();
          break;
        }
        for (Tuple2<Long, Object> m : missing) {
          extra.computeIfAbsent(m._1(), x -> new HashSet<>()).add((Long) m._2());
        }
        List<Tuple2<Long, Tuple2<Integer, Long>>> repPairs = new ArrayList<>();
        for (Map.Entry<Long, Set<Long>> e : extra.entrySet()) {
          int r = 0;
          for (long rep : e.getValue()) {
            repPairs.add(new Tuple2<>(e.getKey(), new Tuple2<>(
                (int) (PAIRS / 2) + r++, rep)));
          }
        }
        repScores = scores(JavaPairRDD.fromJavaRDD(jsc.parallelize(repPairs)), fps, own, adds,
            bs, b).persist(StorageLevel.MEMORY_AND_DISK());
        decidable.unpersist();
      }
      // the story verdicts assumed must be those the decided stories give
      long[] dependent = new long[1];
      Map<Long, boolean[]> actual = SparkParts.storiesCheck(jsc, fps, lines, decided, dependent);
      storyDependent = dependent[0];
      boolean changed = false;
      for (Map.Entry<Long, boolean[]> e : actual.entrySet()) {
        boolean[] before = assumed.get(e.getKey());
        if (!Arrays.equals(before == null ? new boolean[e.getValue().length] : before,
            e.getValue())) {
          changed = true;
          assumed.put(e.getKey(), e.getValue());
        }
      }
      fps.unpersist();
      adds.unpersist();
      own.unpersist();
      top.unpersist();
      scores.unpersist();
      if (!changed) {
        List<String> out = new ArrayList<>(decided.size());
        for (long i = 0; i < decided.size(); i++) {
          out.add(decided.get(i).line());
        }
        return out;
      }
    }
  }

  /** For each article, how many before it carry each line's key: in its source, then in all. */
  private static JavaPairRDD<Long, int[]> lineCounts(JavaPairRDD<Long, LineQueries> lines,
      int b) {
    JavaRDD<PrefixCounts.Index> index = PrefixCounts.index(lines.flatMap(t -> PrefixCounts.adds(
        b, t._1(), t._2().counted()).iterator()), b).persist(StorageLevel.MEMORY_ONLY());
    JavaRDD<Tuple2<Integer, PrefixCounts.Request>> requests = lines.flatMap(t -> {
      LineQueries q = t._2();
      long pos = t._1();
      int n = q.ofSource().length;
      long[] asks = new long[2 * n];
      System.arraycopy(q.ofSource(), 0, asks, 0, n);
      System.arraycopy(q.ofAll(), 0, asks, n, n);
      int[] slots = new int[2 * n];
      Arrays.setAll(slots, i -> i);
      return PrefixCounts.asks(b, pos, 0, pos, asks, slots).iterator();
    });
    JavaPairRDD<Long, List<PrefixCounts.Answers>> answers =
        PrefixCounts.group(PrefixCounts.answer(index, requests, b), b);
    return lines.leftOuterJoin(answers).mapValues(v -> PrefixCounts.gather(
        v._2().isPresent() ? v._2().get().iterator() : List.<PrefixCounts.Answers>of().iterator(),
        2 * v._1().ofSource().length));
  }

  /**
   * The keys an article's set adds: each shingle's cell in both rows of the frequency table, and
   * the shingle itself (for the counts within an epoch).
   */
  private static long[] cellsAndShingles(Settings s, int[] set) {
    BatchSteps steps = steps(s);
    long[] out = new long[3 * set.length];
    for (int k = 0; k < set.length; k++) {
      out[3 * k] = cellKey(steps, 0, set[k]);
      out[3 * k + 1] = cellKey(steps, 1, set[k]);
      out[3 * k + 2] = (2L << 40) | (set[k] & 0xFFFFFFFFL);
    }
    return out;
  }

  private static long cellKey(BatchSteps steps, int row, int h) {
    return (1L << 40) | ((long) row << 32) | steps.cell(row, h);
  }

  /** Each article's statistics at its epoch, its anchors and whether it can link. */
  private static JavaPairRDD<Long, Own> own(JavaPairRDD<Long, Fingerprinted> fps,
      JavaRDD<PrefixCounts.Index> adds, Broadcast<Settings> bs, int b) {
    JavaRDD<Tuple2<Integer, PrefixCounts.Request>> asks = fps.flatMap(t -> {
      long pos = t._1();
      long start = BatchSteps.epochStart(pos);
      long[] keys = cellsAndShingles(bs.value(), t._2().set());
      int n = keys.length / 3;
      long[] cells = new long[2 * n];
      int[] cellSlots = new int[2 * n];
      long[] shingles = new long[n];
      int[] shingleSlots = new int[n];
      for (int k = 0; k < n; k++) {
        cells[2 * k] = keys[3 * k];
        cells[2 * k + 1] = keys[3 * k + 1];
        cellSlots[2 * k] = 3 * k;
        cellSlots[2 * k + 1] = 3 * k + 1;
        shingles[k] = keys[3 * k + 2];
        shingleSlots[k] = 3 * k + 2;
      }
      // the table at the epoch start; the shingles within the epoch, before the article
      List<Tuple2<Integer, PrefixCounts.Request>> out = new ArrayList<>(
          PrefixCounts.asks(b, pos, 0, start, cells, cellSlots));
      out.addAll(PrefixCounts.asks(b, pos, start, pos, shingles, shingleSlots));
      return out.iterator();
    });
    JavaPairRDD<Long, List<PrefixCounts.Answers>> answers =
        PrefixCounts.group(PrefixCounts.answer(adds, asks, b), b);
    return fps.leftOuterJoin(answers).mapValues(v -> {
      Fingerprinted fp = v._1();
      int n = fp.set().length;
      int[] all = PrefixCounts.gather(v._2().isPresent() ? v._2().get().iterator()
          : List.<PrefixCounts.Answers>of().iterator(), 3 * n);
      int[] frozen = new int[n];
      int[] recent = new int[n];
      for (int k = 0; k < n; k++) {
        frozen[k] = BatchSteps.estimate(all[3 * k], all[3 * k + 1]);
        recent[k] = all[3 * k + 2];
      }
      BatchSteps.Query q = steps(bs.value()).query(fp, frozen, recent);
      return new Own(fp, frozen, recent, q.anchors(), q.canLink());
    });
  }

  /**
   * The scores of pairs (article, (rank, other article)), by article: linked scores, or null
   * when a pair does not link.
   */
  private static JavaPairRDD<Long, Map<Long, MatchScores>> scores(
      JavaPairRDD<Long, Tuple2<Integer, Long>> pairs, JavaPairRDD<Long, Fingerprinted> fps,
      JavaPairRDD<Long, Own> own, JavaRDD<PrefixCounts.Index> adds,
      Broadcast<Settings> bs, int b) {
    // by article: its own side and its candidates' fingerprints, by rank
    JavaPairRDD<Long, Tuple2<Own, List<Tuple2<Integer, Fingerprinted>>>> byArticle = pairs
        .mapToPair(t -> new Tuple2<>(t._2()._2(), new Tuple2<>(t._1(), t._2()._1())))
        .join(fps.mapValues(SparkPlan::slim))
        .mapToPair(t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(t._2()._1()._2(),
            t._2()._2())))
        .groupByKey()
        .join(own)
        .mapValues(v -> {
          List<Tuple2<Integer, Fingerprinted>> others = new ArrayList<>();
          v._1().forEach(others::add);
          return new Tuple2<>(v._2(), others);
        })
        .persist(StorageLevel.MEMORY_AND_DISK());
    // the other text's frequencies at the article's epoch, for the pairs worth weighing
    JavaRDD<Tuple2<Integer, PrefixCounts.Request>> asks = byArticle.flatMap(t -> {
      Own o = t._2()._1();
      BatchSteps steps = steps(bs.value());
      BatchSteps.Query q = steps.query(o.fp(), o.frozen(), o.recent());
      long start = BatchSteps.epochStart(o.fp().position());
      List<Tuple2<Integer, PrefixCounts.Request>> out = new ArrayList<>();
      for (Tuple2<Integer, Fingerprinted> other : t._2()._2()) {
        if (!q.worthWeighing(other._2())) {
          continue;
        }
        int[] set = other._2().set();
        long[] keys = new long[2 * set.length];
        for (int k = 0; k < set.length; k++) {
          keys[2 * k] = cellKey(steps, 0, set[k]);
          keys[2 * k + 1] = cellKey(steps, 1, set[k]);
        }
        int[] slots = new int[keys.length];
        Arrays.setAll(slots, i -> i);
        out.addAll(PrefixCounts.asks(b, t._1() * PAIRS + other._1(), 0, start, keys, slots));
      }
      return out.iterator();
    });
    JavaPairRDD<Long, List<PrefixCounts.Answers>> answers =
        PrefixCounts.group(PrefixCounts.answer(adds, asks, b), b);
    JavaPairRDD<Long, Map<Integer, int[]>> byRank = answers.mapToPair(t -> new Tuple2<>(
        t._1() / PAIRS, new Tuple2<>((int) (t._1() % PAIRS), t._2()))).groupByKey()
        .mapValues(rs -> {
          Map<Integer, int[]> m = new HashMap<>();
          for (Tuple2<Integer, List<PrefixCounts.Answers>> r : rs) {
            int size = 0;
            for (PrefixCounts.Answers a : r._2()) {
              for (int slot : a.slots()) {
                size = Math.max(size, slot + 1);
              }
            }
            m.put(r._1(), PrefixCounts.gather(r._2().iterator(), size));
          }
          return m;
        });
    JavaPairRDD<Long, Map<Long, MatchScores>> out = byArticle.leftOuterJoin(byRank)
        .mapValues(v -> {
          Own o = v._1()._1();
          Map<Integer, int[]> counts = v._2().isPresent() ? v._2().get() : Map.of();
          BatchSteps.Query q = steps(bs.value()).query(o.fp(), o.frozen(), o.recent());
          Map<Long, MatchScores> m = new HashMap<>();
          for (Tuple2<Integer, Fingerprinted> other : v._1()._2()) {
            Fingerprinted fp = other._2();
            int[] c = counts.get(other._1());
            MatchScores s = null;
            if (c != null || (fp.set().length == 0 && q.worthWeighing(fp))) {
              int n = fp.set().length;
              int[] otherFrozen = new int[n];
              for (int k = 0; k < n; k++) {
                otherFrozen[k] = BatchSteps.estimate(c[2 * k], c[2 * k + 1]);
              }
              s = q.score(fp, otherFrozen);
            }
            m.put(fp.position(), s);
          }
          return m;
        });
    return out;
  }

  /** A fingerprint as the other text of a pair reads it: without its removed lines. */
  private static Fingerprinted slim(Fingerprinted f) {
    return new Fingerprinted(f.id(), f.source(), f.position(), f.published(), f.textHash(),
        f.longEnough(), f.set(), f.leadRanks(), f.length(), f.sketch(), f.bandKeys(), List.of(),
        f.storyDependent(), f.severalStories());
  }

  /** What the cluster rule reads of each article. */
  private JavaPairRDD<Long, PartReplay.Article> decidable(JavaPairRDD<Long, Own> own,
      JavaPairRDD<Long, List<Long>> top, JavaPairRDD<Long, Map<Long, MatchScores>> scores) {
    Broadcast<String[]> names = jsc.broadcast(idsByPosition);
    return own.leftOuterJoin(top).leftOuterJoin(scores).mapValues(v -> {
      Own o = v._1()._1();
      String[] name = names.value();
      List<String> topIds = new ArrayList<>();
      for (long j : v._1()._2().orElse(List.of())) {
        topIds.add(name[(int) j]);
      }
      Map<String, MatchScores> byId = new HashMap<>();
      for (Map.Entry<Long, MatchScores> e : v._2().orElse(Map.of()).entrySet()) {
        byId.put(name[(int) (long) e.getKey()], e.getValue());
      }
      return new PartReplay.Article(o.fp(), o.canLink(), o.canLink() ? topIds : List.of(),
          byId);
    });
  }
}
