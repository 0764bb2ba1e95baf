package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("property")
class RetentionAndModelTest {
  @TempDir Path tmp;

  private static List<String> stories() throws Exception {
    List<String> out = new ArrayList<>();
    for (Article a : Seeds.load().values()) {
      if (!a.id().equals("seed-003")) { // the others are pairwise distinct stories
        out.add(a.text());
      }
    }
    return out;
  }

  private static Instant day(int d) {
    return Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofDays(d));
  }

  @Test
  void retentionEvictsOldArticlesAndClustersKeepTheirIds() throws Exception {
    List<String> stories = stories();
    Path dir = tmp.resolve("idx");
    try (StoryClusters sc = StoryClusters.builder().directory(dir)
        .retention(Duration.ofDays(30)).build()) {
      String first = sc.add(Article.builder("s0-d0").text(stories.get(0)).published(day(0))
          .build()).clusterId();
      sc.add(Article.builder("s0-d20").text(stories.get(0)).published(day(20)).build());
      sc.add(Article.builder("s1-d25").text(stories.get(1)).published(day(25)).build());
      sc.add(Article.builder("undated").text(stories.get(2)).build());
      assertEquals(4, sc.size());
      sc.add(Article.builder("s3-d45").text(stories.get(3)).published(day(45)).build());
      assertFalse(sc.clusterOf("s0-d0").isPresent(), "older than 30 days before day 45: evicted");
      assertEquals(first, sc.clusterOf("s0-d20").orElseThrow().id(), "cluster keeps its id");
      assertEquals(List.of("s0-d20"), sc.cluster(first).orElseThrow().members());
      assertTrue(sc.clusterOf("undated").isPresent(), "undated articles stay");
      // a copy still joins the surviving member's cluster
      assertEquals(first, sc.add(Article.builder("s0-d46").text(stories.get(0)).published(day(46))
          .build()).clusterId());
      sc.add(Article.builder("s3-d80").text(stories.get(3)).published(day(80)).build());
      assertFalse(sc.cluster(first).isPresent(), "all members evicted: the cluster is gone");
      Assignment late = sc.add(Article.builder("s0-d81").text(stories.get(0)).published(day(81))
          .build());
      assertTrue(late.newCluster());
      assertNotEquals(first, late.clusterId());
    }
    try (StoryClusters sc = StoryClusters.builder().directory(dir)
        .retention(Duration.ofDays(30)).build()) {
      assertEquals(Set.of("undated", "s3-d80", "s0-d81"), new HashSet<>(ids(sc)));
    }
  }

  private static List<String> ids(StoryClusters sc) {
    List<String> out = new ArrayList<>();
    sc.clusters().forEach(c -> out.addAll(c.members()));
    return out;
  }

  /**
   * Stateful property test against a reference model: random adds (of exact copies of a few
   * distinct stories), re-adds and removes. The model is the obvious one: the indexed ids,
   * partitioned by story; each cluster's representative is its earliest published member, then
   * smallest id; a cluster id never changes while the cluster has members.
   */
  @Test
  void matchesAReferenceModel() throws Exception {
    List<String> stories = stories();
    com.storyclusters.Props.qt().withExamples(25).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 40))
        .check(ops -> {
          Map<String, Integer> storyOf = new TreeMap<>();
          Map<String, Integer> dayOf = new HashMap<>();
          Map<String, String> clusterIdOf = new HashMap<>();
          try (StoryClusters sc = StoryClusters.builder().build()) {
            for (int op : ops) {
              String id = "a" + (op % 12);
              int story = (op / 12) % stories.size();
              int d = (op / 60) % 5;
              if (op % 5 == 0) {
                boolean removed = sc.remove(id);
                if (removed != storyOf.containsKey(id)) {
                  return false;
                }
                storyOf.remove(id);
                clusterIdOf.remove(id); // a later add is a new article
              } else {
                Assignment a = sc.add(Article.builder(id).text(stories.get(story))
                    .published(day(d)).build());
                Integer old = storyOf.get(id);
                boolean sameText = old != null && old == story;
                if (a.unchanged() != sameText) {
                  return false;
                }
                if (!sameText) { // an add, or an update (remove, then add afresh)
                  storyOf.put(id, story);
                  dayOf.put(id, d);
                  clusterIdOf.remove(id);
                }
              }
              if (!agrees(sc, storyOf, dayOf, clusterIdOf)) {
                return false;
              }
            }
          }
          return true;
        });
  }

  private static boolean agrees(StoryClusters sc, Map<String, Integer> storyOf,
      Map<String, Integer> dayOf, Map<String, String> clusterIdOf) {
    if (sc.size() != storyOf.size()) {
      return false;
    }
    Map<Integer, TreeSet<String>> expected = new HashMap<>();
    storyOf.forEach((id, s) -> expected.computeIfAbsent(s, k -> new TreeSet<>()).add(id));
    Set<Set<String>> partition = new HashSet<>();
    for (StoryCluster c : sc.clusters()) {
      partition.add(new HashSet<>(c.members()));
      String rep = c.members().stream().min((x, y) -> dayOf.get(x).equals(dayOf.get(y))
          ? x.compareTo(y) : Integer.compare(dayOf.get(x), dayOf.get(y))).orElseThrow();
      if (!rep.equals(c.representative())) {
        return false;
      }
      for (String m : c.members()) {
        String before = clusterIdOf.put(m, c.id());
        if (before != null && !before.equals(c.id()) && sc.cluster(before).isPresent()) {
          return false; // its old cluster still exists, yet the member's cluster id moved
        }
      }
    }
    Set<Set<String>> want = new HashSet<>();
    expected.values().forEach(v -> want.add(new HashSet<>(v)));
    return partition.equals(want);
  }
}
