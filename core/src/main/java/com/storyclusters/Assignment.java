package com.storyclusters;

import java.util.List;
import java.util.Optional;

/**
 * What {@link StoryClusters#add(Article)} decided for one article (or, from {@link
 * StoryClusters#match(Article)}, what it would decide). Immutable.
 *
 * @param articleId the article
 * @param clusterId the story cluster it belongs to
 * @param newCluster whether the article started that cluster
 * @param unchanged whether the article was already indexed with the same text, so nothing changed
 *     (then {@code bestMatch} and {@code scores} are those recorded when it was first added)
 * @param bestMatch the verified article that decided the assignment, if any
 * @param scores that match's scores, if any
 * @param boilerplate the lines removed before fingerprinting (normalized form, in text order):
 *     boilerplate learned from the source's earlier articles, and the lines before the page's own
 *     headline (a line that is the article's title, in the first half of the text)
 */
public record Assignment(String articleId, String clusterId, boolean newCluster, boolean unchanged,
    Optional<String> bestMatch, Optional<MatchScores> scores, List<String> boilerplate) {
  /** Defensive copy of the list. */
  public Assignment {
    boilerplate = List.copyOf(boilerplate);
  }
}
