package com.storyclusters.batch;

import java.io.Serializable;

/**
 * An article's lines as the line statistics see them ({@link BatchSteps#lines}): the keys counted
 * for it, and for each line (in text order) its key in its source, its key in every source and its
 * tokens. Immutable by convention (arrays are not written after construction); serializable for
 * batch engines.
 *
 * @param counted the keys the article adds to the line counts (distinct)
 * @param ofSource each line's key in the article's source
 * @param ofAll each line's key in every source
 * @param tokens each line's tokens
 * @param sourceKeys the distinct keys of {@code ofSource} of the lines whose story count the
 *     boilerplate rule reads, by which stories count carriers (none without a source)
 */
public record LineQueries(long[] counted, long[] ofSource, long[] ofAll, int[] tokens,
    long[] sourceKeys) implements Serializable {}
