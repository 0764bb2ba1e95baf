package com.storyclusters.cluster;

import com.storyclusters.StoryCluster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which article is in which cluster. Mutated only under the facade's write lock; read without it:
 * readers see immutable {@link StoryCluster} snapshots that are swapped whole, never half a change.
 */
public final class ClusterState {
  /**
   * What is kept in memory of one indexed article (its best match, scores and removed boilerplate
   * stay in the index, read back only when the same article is added again).
   */
  public record Member(String id, String source, String clusterId, long published, long textHash) {}

  private final IdTable<Member> members = new IdTable<>(Member::id);
  /**
   * Cluster id to its snapshot, whose sorted member list is also the cluster's membership (no
   * second per-member structure: most clusters are one or a few articles, and a tree node per
   * member would cost more than the member itself).
   */
  private final IdTable<StoryCluster> snapshots = new IdTable<>(StoryCluster::id);
  /** Published time to ids, for the retention window (articles without a time are not here). */
  private final java.util.TreeMap<Long, TreeSet<String>> byTime = new java.util.TreeMap<>();
  private long latestPublished = Long.MIN_VALUE;
  private final boolean trackTime;
  /** The members by their normalized text's hash (exact copies share one). Under the write lock only. */
  private final TextTable byText = new TextTable();

  /** @param trackTime whether to index members by published time (for a retention window) */
  public ClusterState(boolean trackTime) {
    this.trackTime = trackTime;
  }

  public Member member(String articleId) {
    return members.get(articleId);
  }

  public StoryCluster cluster(String clusterId) {
    return snapshots.get(clusterId);
  }

  public Collection<StoryCluster> clusters() {
    return snapshots.values();
  }

  public int clusterCount() {
    return snapshots.size();
  }

  public int articleCount() {
    return members.size();
  }

  public boolean hasCluster(String clusterId) {
    return snapshots.get(clusterId) != null;
  }

  public void put(Member m) {
    Member previous = members.put(m);
    if (previous != null) {
      forgetText(previous);
    }
    byText.add(m);
    if (m.published() != Long.MAX_VALUE && trackTime) {
      byTime.computeIfAbsent(m.published(), t -> new TreeSet<>()).add(m.id());
      latestPublished = Math.max(latestPublished, m.published());
    }
    StoryCluster old = snapshots.get(m.clusterId());
    List<String> ids = old == null ? List.of() : old.members();
    int at = java.util.Collections.binarySearch(ids, m.id());
    if (at < 0) {
      String[] next = new String[ids.size() + 1];
      int insert = -at - 1;
      for (int i = 0; i < insert; i++) {
        next[i] = ids.get(i);
      }
      next[insert] = m.id();
      for (int i = insert; i < ids.size(); i++) {
        next[i + 1] = ids.get(i);
      }
      ids = java.util.Arrays.asList(next);
    }
    refresh(m.clusterId(), ids);
  }

  public Member remove(String articleId) {
    Member m = members.remove(articleId);
    if (m == null) {
      return null;
    }
    forgetText(m);
    TreeSet<String> sameTime = byTime.get(m.published());
    if (sameTime != null) {
      sameTime.remove(articleId);
      if (sameTime.isEmpty()) {
        byTime.remove(m.published());
      }
    }
    List<String> ids = new ArrayList<>(snapshots.get(m.clusterId()).members());
    ids.remove(articleId);
    if (ids.isEmpty()) {
      snapshots.remove(m.clusterId());
    } else {
      refresh(m.clusterId(), ids);
    }
    return m;
  }

  /**
   * The live article with this normalized text hash (the smallest id of several) other than
   * {@code excluded}; null if none.
   */
  public Member sameText(long textHash, String excluded) {
    return byText.smallestOther(textHash, excluded);
  }

  private void forgetText(Member m) {
    byText.remove(m.textHash(), m.id());
  }

  /** The latest published time of any article ever put (Long.MIN_VALUE if none had one). */
  public long latestPublished() {
    return latestPublished;
  }

  /**
   * Records that an article published at {@code time} was put once (on open: the latest time the
   * run that wrote the index had seen, removed articles included). Only with time tracking.
   */
  public void seenPublished(long time) {
    if (trackTime) {
      latestPublished = Math.max(latestPublished, time);
    }
  }

  /** Ids of the articles published before {@code time}, oldest first. */
  public java.util.List<String> publishedBefore(long time) {
    java.util.List<String> out = new ArrayList<>();
    for (TreeSet<String> ids : byTime.headMap(time, false).values()) {
      out.addAll(ids);
    }
    return out;
  }

  /** Publishes the snapshot of a cluster whose members are {@code ids}, ascending. */
  private void refresh(String clusterId, List<String> ids) {
    String rep = null;
    long repTime = Long.MAX_VALUE;
    for (String id : ids) { // ascending, so the first of equal times wins
      long t = members.get(id).published();
      if (rep == null || t < repTime) {
        rep = id;
        repTime = t;
      }
    }
    snapshots.put(new StoryCluster(clusterId, rep, ids));
  }
}
