package com.storyclusters;

import java.time.Instant;
import java.util.Optional;

/**
 * What the index keeps in memory of an indexed article ({@link StoryClusters#info}). Immutable.
 *
 * @param id the article
 * @param source its publisher, "" when unknown
 * @param published its publication time, if known
 * @param clusterId the story cluster it belongs to
 */
public record ArticleInfo(String id, String source, Optional<Instant> published,
    String clusterId) {}
