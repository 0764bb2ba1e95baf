/**
 * Step 4: locality-sensitive hashing of signatures into band keys.
 *
 * <p>{@link com.storyclusters.lsh.LshPlan} splits a k-value signature into b bands of r rows,
 * chooses b and r for a similarity threshold the way datasketch does (minimising the weighted
 * areas of false positives and false negatives under the S-curve), reports the S-curve, and hashes
 * each band to a key. Two signatures that share a band key are <em>candidates</em>: LSH only
 * proposes pairs; they must be verified.
 */
package com.storyclusters.lsh;
