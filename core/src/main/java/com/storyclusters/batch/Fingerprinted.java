package com.storyclusters.batch;

import java.io.Serializable;
import java.util.List;

/**
 * An article fingerprinted under given line counts ({@link BatchSteps#fingerprint}): what scoring,
 * candidate look-ups, the cluster rule and the output read of it. Immutable by convention (arrays
 * are not written after construction); serializable for batch engines.
 *
 * @param id the article's id
 * @param source its source ("" unknown)
 * @param position its input position (0-based)
 * @param published its published time in epoch milliseconds, {@link Long#MAX_VALUE} unknown
 * @param textHash its normalized text's hash (exact copies)
 * @param longEnough whether it is long enough for the exact-copy rule
 * @param set the sorted distinct evidence shingles
 * @param leadRanks the lead as ranks into {@code set}
 * @param length the evidence shingles with repeats
 * @param sketch the MinHash sketch (a byte per value)
 * @param removed the lines removed before fingerprinting, in text order
 * @param storyDependent the lines (indexes) whose verdict depended on the stories of earlier
 *     articles, ascending
 * @param severalStories for each of those, the verdict's input that was assumed: whether two or
 *     more stories of the source carried it
 */
public record Fingerprinted(String id, String source, long position, long published,
    long textHash, boolean longEnough, int[] set, int[] leadRanks, int length, byte[] sketch,
    List<String> removed, int[] storyDependent, boolean[] severalStories)
    implements Serializable {}
