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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * candidates (anchors; hits counted per pair), the pairs' scores (the other text's
 * frequencies fetched only for pairs worth weighing), the parts (connected by linked pairs and
 * equal texts, found on the driver), the cluster rule in each part in input order (in parallel),
 * and a check of the story verdicts assumed; a wrong one is corrected and the round run again.
 * Representatives the rule asks for are scored and their parts replayed, within the round. The
 * input's ids must be distinct. Not thread-safe.
 */
final class SparkPlan {
  private final JavaSparkContext jsc;
  private final Settings settings;
  private final int buckets;
  int rounds;
  int replays;
  long parts;
  long largestPart;
  long largestHolderGroup;
  long storyDependent;
  /** Every article's id, by position (the candidates' ranking breaks ties by id). */
  private String[] idsByPosition;
  private Broadcast<String[]> names;

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
  record Own(Fingerprinted fp, int[] anchors, boolean canLink) implements Serializable {}

  /** A decided article: its cluster, best match and scores (null: a new cluster), output line. */
  record Decided(String clusterId, String bestMatch, MatchScores scores, String line)
      implements Serializable {}

  /** The decisions, in input order, on the articles at positions 0.. of {@code articles}. */
  List<Decided> run(JavaPairRDD<Long, SparkArticles.Line> articles) {
    Broadcast<Settings> bs = jsc.broadcast(settings);
    int b = buckets;
    JavaPairRDD<Long, LineQueries> lines = articles.mapValues(
        l -> steps(bs.value()).lines(l.article())).persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Long, int[]> lineCounts = lineCounts(lines, b);
    JavaPairRDD<Long, String> ids = articles.mapValues(SparkArticles.Line::id);
    long n = articles.count();
    idsByPosition = new String[(int) n];
    ids.collectAsMap().forEach((pos, id) -> idsByPosition[(int) (long) pos] = id);
    names = jsc.broadcast(idsByPosition);
    // each article with its line counts: the fingerprints' input in every round
    JavaPairRDD<Long, Tuple2<SparkArticles.Line, int[]>> counted = articles.join(lineCounts)
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    Map<Long, boolean[]> assumed = new HashMap<>();
    while (true) {
      rounds++;
      Broadcast<Map<Long, boolean[]>> ba = jsc.broadcast(assumed);
      JavaPairRDD<Long, Fingerprinted> fps = counted.mapToPair(t -> {
        long pos = t._1();
        int[] counts = t._2()._2();
        int half = counts.length / 2;
        boolean boilerplate = bs.value().boilerplate();
        return new Tuple2<>(pos, lean(steps(bs.value()).fingerprint(t._2()._1().article(), pos,
            boilerplate ? Arrays.copyOfRange(counts, 0, half) : null,
            boilerplate ? Arrays.copyOfRange(counts, half, counts.length) : null,
            ba.value().get(pos))));
      }).persist(StorageLevel.MEMORY_AND_DISK_SER());
      EpochTables tables = EpochTables.plan(n, ranges(n), settings.frequencyBits());
      // one object per partition: kept as objects (no size estimates of many small ones)
      JavaRDD<EpochTables.Block> blocks = tables.blocks(fps, bs)
          .persist(StorageLevel.MEMORY_AND_DISK());
      JavaPairRDD<Long, Own> own = own(blocks, bs).persist(StorageLevel.MEMORY_AND_DISK_SER());
      org.apache.spark.util.CollectionAccumulator<Long> holderGroups =
          jsc.sc().collectionAccumulator();
      JavaPairRDD<Long, List<Long>> top = SparkCandidates.top(bs, buckets, names, own,
          holderGroups).persist(StorageLevel.MEMORY_AND_DISK_SER());
      // the pairs' scores: for each article, its candidates' in rank order
      JavaPairRDD<Long, Long> pairs = top.flatMapValues(List::iterator);
      JavaPairRDD<Long, Map<Long, MatchScores>> scores = scores(pairs, fps, blocks, tables, bs)
          .persist(StorageLevel.MEMORY_AND_DISK_SER());
      Map<Long, Decided> decided = decide(fps, own, top, scores, blocks, tables, bs, n);
      largestHolderGroup = holderGroups.value().stream().mapToLong(Long::longValue).max().orElse(0);
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
      blocks.unpersist();
      own.unpersist();
      top.unpersist();
      scores.unpersist();
      if (!changed) {
        List<Decided> out = new ArrayList<>(decided.size());
        for (long i = 0; i < decided.size(); i++) {
          out.add(decided.get(i));
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

  /** How many ranges the frequency scans run in: enough for every core, twice over. */
  private int ranges(long n) {
    return (int) Math.max(Math.min(n, 2L * jsc.defaultParallelism()), n / 50_000 + 1);
  }

  /** Each article's anchors and whether it can link, under the statistics of its position. */
  private static JavaPairRDD<Long, Own> own(JavaRDD<EpochTables.Block> blocks,
      Broadcast<Settings> bs) {
    return JavaPairRDD.fromJavaRDD(blocks.flatMap(block -> {
      BatchSteps steps = steps(bs.value());
      List<Tuple2<Long, Own>> out = new ArrayList<>(block.articles().size());
      EpochTables.scan(block, steps, (fp, seen) -> {
        BatchSteps.Query q = steps.query(fp, seen.frozen(fp.set()), seen.recent(fp.set()));
        out.add(new Tuple2<>(fp.position(), new Own(fp, q.anchors(), q.canLink())));
      });
      return out.iterator();
    }));
  }

  /**
   * The scores of pairs (article, other article), by article: linked scores, or null when a pair
   * does not link. The other texts travel to their articles' ranges, where the scan gives both
   * sides' frequencies at the article's position.
   */
  private static JavaPairRDD<Long, Map<Long, MatchScores>> scores(JavaPairRDD<Long, Long> pairs,
      JavaPairRDD<Long, Fingerprinted> fps, JavaRDD<EpochTables.Block> blocks,
      EpochTables tables, Broadcast<Settings> bs) {
    JavaPairRDD<Long, Fingerprinted> others = pairs
        .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
        .join(fps.mapValues(SparkPlan::slim))
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
        .repartitionAndSortWithinPartitions(tables.partitioner());
    return JavaPairRDD.fromJavaRDD(blocks.zipPartitions(others, (bit, oit) -> {
      List<Tuple2<Long, Map<Long, MatchScores>>> out = new ArrayList<>();
      if (!bit.hasNext() || !oit.hasNext()) {
        return out.iterator(); // no pairs in this range: no scan
      }
      BatchSteps steps = steps(bs.value());
      Tuple2<Long, Fingerprinted>[] head = new Tuple2[] {oit.hasNext() ? oit.next() : null};
      EpochTables.scan(bit.next(), steps, (fp, seen) -> {
        if (head[0] == null || head[0]._1() != fp.position()) {
          return;
        }
        BatchSteps.Query q = steps.query(fp, seen.frozen(fp.set()), seen.recent(fp.set()));
        Map<Long, MatchScores> m = new HashMap<>();
        while (head[0] != null && head[0]._1() == fp.position()) {
          Fingerprinted other = head[0]._2();
          m.put(other.position(), q.worthWeighing(other)
              ? q.score(other, seen.frozen(other.set())) : null);
          head[0] = oit.hasNext() ? oit.next() : null;
        }
        out.add(new Tuple2<>(fp.position(), m));
      });
      return out.iterator();
    }));
  }

  /**
   * A fingerprint as the plan carries it: its removed lines only counted (the output line reports
   * their number; the text would travel with every copy of the fingerprint).
   */
  private static Fingerprinted lean(Fingerprinted f) {
    return new Fingerprinted(f.id(), f.source(), f.position(), f.published(), f.textHash(),
        f.longEnough(), f.set(), f.leadRanks(), f.length(), f.sketch(),
        java.util.Collections.nCopies(f.removed().size(), ""), f.storyDependent(),
        f.severalStories());
  }

  /** A fingerprint as the other text of a pair reads it: without its removed lines. */
  private static Fingerprinted slim(Fingerprinted f) {
    return new Fingerprinted(f.id(), f.source(), f.position(), f.published(), f.textHash(),
        f.longEnough(), f.set(), f.leadRanks(), f.length(), f.sketch(), List.of(),
        f.storyDependent(), f.severalStories());
  }

  /**
   * The cluster rule replayed in each part, in input order. A part that asks for the scores of
   * representatives that were no candidates (they are members of the part) comes back to the
   * driver with its articles: the pairs are scored, and the part replayed there, until none asks.
   */
  private Map<Long, Decided> decide(JavaPairRDD<Long, Fingerprinted> fps,
      JavaPairRDD<Long, Own> own, JavaPairRDD<Long, List<Long>> top,
      JavaPairRDD<Long, Map<Long, MatchScores>> scores, JavaRDD<EpochTables.Block> blocks,
      EpochTables tables, Broadcast<Settings> bs, long n) {
    long[] sizes = new long[2];
    int[] part = SparkParts.parts(SparkParts.edges(fps, scores), n, sizes);
    parts = sizes[0];
    largestPart = sizes[1];
    Broadcast<int[]> bp = jsc.broadcast(part);
    JavaPairRDD<Integer, PartReplay.Article> byPart = decidable(own, top, scores)
        .mapToPair(t -> new Tuple2<>(bp.value()[(int) (long) t._1()], t._2()));
    List<SparkParts.Replayed> replayed = PrefixCounts.group(byPart, buckets)
        .map(g -> SparkParts.replay(g._2())).collect();
    Map<Long, Decided> decided = new HashMap<>();
    while (true) {
      replays++;
      List<SparkParts.Replayed> asking = new ArrayList<>();
      List<Tuple2<Long, Long>> asked = new ArrayList<>();
      for (SparkParts.Replayed r : replayed) {
        r.decided().forEach(t -> decided.put(t._1(), t._2()));
        if (!r.asked().isEmpty()) {
          asking.add(r);
          r.asked().forEach(p -> asked.add(new Tuple2<>(p[0], p[1])));
        }
      }
      if (asking.isEmpty()) {
        return decided;
      }
      Map<Long, Map<String, MatchScores>> got = new HashMap<>();
      for (Tuple2<Long, Map<Long, MatchScores>> t : scores(JavaPairRDD.fromJavaRDD(
          jsc.parallelize(asked)), fps, blocks, tables, bs).collect()) {
        Map<String, MatchScores> byId = got.computeIfAbsent(t._1(), x -> new HashMap<>());
        t._2().forEach((j, s) -> byId.put(idsByPosition[(int) (long) j], s));
      }
      replayed = new ArrayList<>();
      for (SparkParts.Replayed r : asking) {
        List<PartReplay.Article> again = new ArrayList<>();
        for (PartReplay.Article a : r.articles()) {
          Map<String, MatchScores> more = got.get(a.fp().position());
          if (more == null) {
            again.add(a);
            continue;
          }
          Map<String, MatchScores> all = new HashMap<>(a.scores());
          for (Map.Entry<String, MatchScores> e : more.entrySet()) {
            if (all.containsKey(e.getKey())) {
              throw new IllegalStateException("a part asked again for a score it was given");
            }
            all.put(e.getKey(), e.getValue());
          }
          again.add(new PartReplay.Article(a.fp(), a.canLink(), a.top(), all));
        }
        replayed.add(SparkParts.replay(again));
      }
    }
  }

  /** What the cluster rule reads of each article. */
  private JavaPairRDD<Long, PartReplay.Article> decidable(JavaPairRDD<Long, Own> own,
      JavaPairRDD<Long, List<Long>> top, JavaPairRDD<Long, Map<Long, MatchScores>> scores) {
    Broadcast<String[]> names = this.names;
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
