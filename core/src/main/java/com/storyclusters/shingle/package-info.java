/**
 * Step 2: word k-shingles (k consecutive tokens) hashed to pinned 64-bit values.
 *
 * <p>{@link com.storyclusters.shingle.Shingler} turns a token-hash stream into shingle hashes, in
 * text order, reusing one ring buffer; {@link com.storyclusters.shingle.ShingleSet} is the exact,
 * sorted set used for verification and in tests.
 */
package com.storyclusters.shingle;
