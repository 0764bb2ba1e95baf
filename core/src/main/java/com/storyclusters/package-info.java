/**
 * storyclusters: finds syndicated copies of news stories and groups them into story clusters.
 *
 * <p>Start from {@link com.storyclusters.StoryClusters}. The pipeline, one package per step:
 * {@code text} (normalize, tokenize) → {@code shingle} (word k-shingles, 64-bit hashes) → {@code
 * minhash} (signatures and estimates) → {@code lsh} (bands and band keys) → this package (the Lucene
 * index, verification and clustering, package-private behind the facade).
 *
 * <p>Glossary:
 * <dl>
 *   <dt>shingle</dt><dd>k consecutive words (or characters, in scripts without spaces), hashed.</dd>
 *   <dt>signature</dt><dd>k MinHash values summarising a shingle set.</dd>
 *   <dt>band</dt><dd>r consecutive signature values hashed to one key; a Lucene term.</dd>
 *   <dt>candidate</dt><dd>an indexed article that shares a band key or a rare shingle with a new
 *       one; candidates are verified before they count.</dd>
 *   <dt>containment</dt><dd>|A ∩ B| / |A|: how much of A occurs in B (trimmed copies, pages with
 *       appended material).</dd>
 *   <dt>story cluster</dt><dd>articles that are copies of one text, with a stable id and a
 *       representative (the earliest published).</dd>
 * </dl>
 */
package com.storyclusters;
