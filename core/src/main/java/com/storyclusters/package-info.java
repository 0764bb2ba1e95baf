/**
 * storyclusters: finds syndicated copies of news stories and groups them into story clusters.
 *
 * <p>Start from {@link com.storyclusters.StoryClusters}. The pipeline, one package per step:
 * {@code text} (normalize, tokenize) → {@code shingle} (word k-shingles, 64-bit hashes) → {@code
 * minhash} (signatures and estimates) → {@code boilerplate} (per-source line statistics) → {@code
 * fingerprint} (what an article becomes) → {@code cluster} (candidates by rare anchor shingles,
 * pair scoring, the cluster rule) → {@code index} (the durable Lucene store); {@code batch} holds
 * the steps as functions for batch engines, and this package the facade that wires them.
 *
 * <p>Glossary:
 * <dl>
 *   <dt>shingle</dt><dd>k consecutive words (or characters, in scripts without spaces), hashed.</dd>
 *   <dt>signature</dt><dd>k MinHash values summarising a shingle set.</dd>
 *   <dt>anchor</dt><dd>one of the rarest sampled shingles of a new article's lead, looked up to
 *       find candidates.</dd>
 *   <dt>candidate</dt><dd>an indexed article that holds anchors of a new one; candidates are
 *       scored before they count.</dd>
 *   <dt>containment</dt><dd>|A ∩ B| / |A|: how much of A occurs in B (trimmed copies, pages with
 *       appended material).</dd>
 *   <dt>story cluster</dt><dd>articles that are copies of one text, with a stable id and a
 *       representative (the earliest published).</dd>
 * </dl>
 */
package com.storyclusters;
