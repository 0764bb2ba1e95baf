/**
 * Step 2: word k-shingles (k consecutive tokens) hashed to pinned 64-bit values.
 *
 * <p>{@link com.storyclusters.shingle.Shingler} turns a token-hash stream into shingle hashes, in
 * text order, reusing one ring buffer.
 */
package com.storyclusters.shingle;
