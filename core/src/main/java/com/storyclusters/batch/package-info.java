/**
 * The library's decisions as steps that a batch engine (the {@code spark} module) runs over a
 * whole input at once, with nothing re-implemented: {@link com.storyclusters.batch.BatchSteps}.
 *
 * <p>Owns the decomposition, not the rules: every step calls the library's own code
 * (normalization and lines, the boilerplate rule, fingerprints, the pair scoring, the candidate
 * ranking, the cluster rule). What it adds is the definition of what each decision reads as
 * computations over the input, by position, so that an engine can compute them with joins:
 * <ul>
 *   <li>line counts and shingle frequencies are prefix counts over the articles before a position
 *       (the frequencies as the library's count-min table held them at the position's epoch
 *       start: {@link com.storyclusters.batch.BatchSteps#cell}, {@link
 *       com.storyclusters.batch.BatchSteps#estimate});</li>
 *   <li>candidates are the earlier articles that hold an anchor, ranked by
 *       {@link com.storyclusters.batch.BatchSteps#top};</li>
 *   <li>the cluster rule runs in input order within each connected part of the graph of linked
 *       pairs and equal texts ({@link com.storyclusters.batch.PartReplay}): parts never
 *       interact.</li>
 * </ul>
 * One input is decided by the stories of earlier articles: whether a long line that only its own
 * source printed recurs there under two stories (the boilerplate rule). A batch engine guesses
 * those verdicts, decides, and checks the guesses against the stories decided ({@link
 * com.storyclusters.batch.BatchSteps#storyDependent}); a wrong guess is corrected and the input
 * decided again.
 */
package com.storyclusters.batch;
