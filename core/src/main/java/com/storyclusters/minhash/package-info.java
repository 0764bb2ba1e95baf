/**
 * Step 3: MinHash signatures of shingle sets and the estimates drawn from them.
 *
 * <p>{@link com.storyclusters.minhash.MinHasher} is immutable and thread-safe; it turns shingle
 * hashes into an immutable {@link com.storyclusters.minhash.Signature}. Two schemes: one-permutation
 * hashing with optimal densification (the default, one hash per shingle) and classic MinHash with k
 * independent hash functions (k hashes per shingle, kept for comparison). Signatures of different
 * hashers are incompatible and refuse to be compared.
 */
package com.storyclusters.minhash;
