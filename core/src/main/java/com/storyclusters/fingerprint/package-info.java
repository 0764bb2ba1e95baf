/**
 * Fingerprinting: what an article becomes before any index is consulted. Owns {@link
 * com.storyclusters.fingerprint.Prepared} (the normalized text, its lines with their keys in
 * every source and in theirs ({@link com.storyclusters.fingerprint.LineKeys}) and token counts, its word shingles, the title line and where the page's
 * own headline starts), the one-pass scan that computes all of that for Latin-script text
 * ({@code LineScan}, checked against the plain steps by a property test), and {@link
 * com.storyclusters.fingerprint.Fingerprint} (after boilerplate removal: the lead and its ranks in
 * the set, the distinct set, the MinHash signature and sketch, and which shingles are the
 * consistent anchor sample), with {@code DistinctSort} for the set and ranks.
 *
 * <p>Depends on {@code text}, {@code shingle}, {@code minhash} and {@code boilerplate}. Every public type here is internal to the library (used by its other packages),
 * not part of its API: it may change in any release.
 */
package com.storyclusters.fingerprint;
