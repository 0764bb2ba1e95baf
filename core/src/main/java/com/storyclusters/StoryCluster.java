package com.storyclusters;

import java.util.List;

/**
 * A snapshot of one story cluster. Immutable: later adds produce new snapshots.
 *
 * @param id stable identifier: the id of the article that started the cluster; it persists with
 *     the index and does not change when members come and go
 * @param representative the earliest published member (members without a time come last), then the
 *     smallest id
 * @param members member article ids in ascending order
 */
public record StoryCluster(String id, String representative, List<String> members) {
  /** Defensive copy of the member list. */
  public StoryCluster {
    members = List.copyOf(members);
  }

  /** Number of members. */
  public int size() {
    return members.size();
  }
}
