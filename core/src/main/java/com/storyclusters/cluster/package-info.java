/**
 * Clustering: which indexed articles a new one is compared with, how a pair is scored, and which
 * cluster the article joins. Owns:
 * <ul>
 *   <li>{@link com.storyclusters.cluster.CandidateIndex}: every live article's candidate keys in
 *       memory, in primitive form, and its evidence in {@code EvidenceStore} (a scratch file
 *       mapped into memory, or the heap), its keys in {@code IntIntMultimap} (ordinals as gaps in a
 *       byte arena; keys in a hash table and a sorted tier, {@code SortedIntRefs}) and its ids in
 *       {@code OrdinalTable}, all rebuilt from the durable index on open; its views
 *       as {@link com.storyclusters.cluster.CandidateSource}s; {@link
 *       com.storyclusters.cluster.Candidate#ORDER} is the one ranking rule (most shared keys
 *       first, then smallest id);</li>
 *   <li>{@link com.storyclusters.cluster.PairScorer}: the pair scoring, written once (weighted
 *       containment, lead rule, which text is inside which, same-source threshold), with {@code
 *       Anchors} (the keys an indexed article is found by, the anchors a query looks up),
 *       {@code SetMerge} (two sorted sets merged per thread), {@link
 *       com.storyclusters.cluster.Scratch} (the arrays a thread reuses: a field of the facade's
 *       workers, a thread-local elsewhere) and {@code Leads} (where two texts share their
 *       leads);</li>
 *   <li>{@link com.storyclusters.cluster.ClusterRule}: join, start, representative;</li>
 *   <li>{@link com.storyclusters.cluster.ClusterState}: who is in which cluster, in {@code
 *       IdTable}s (one writer, readers without a lock) and a {@code TextTable} (exact copies);
 *       the open-addressing tables' probing rules are {@code Probing}'s;</li>
 *   <li>{@link com.storyclusters.cluster.Statistics} and {@link
 *       com.storyclusters.cluster.Epochs}: the shingle document frequencies and line counts
 *       (in a source and in all) that scores read, frozen in epochs by input position so that a batch scored in
 *       parallel decides exactly as one-by-one adds do;</li>
 *   <li>{@link com.storyclusters.cluster.Assigner}: a batch segment in two steps, parallel
 *       scoring against what was added before each article, then the cluster rule in input order.</li>
 * </ul>
 *
 * <p>Depends on {@code fingerprint}, {@code boilerplate}, {@code minhash}, {@code lsh} and the
 * public value types of {@code com.storyclusters}; never on {@code index} or the facade. Every
 * public type here is internal to the library, not part of its API.
 */
package com.storyclusters.cluster;
