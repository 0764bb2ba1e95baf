/**
 * The durable index: an Apache Lucene index, one document per article, from which everything in
 * memory is rebuilt on open. {@link com.storyclusters.index.IndexLayout} is the one owner of the
 * layout (field names, term and doc-value encodings, commit user data, format version): nothing
 * else reads or writes a field by name. {@link com.storyclusters.index.LuceneStore} owns the writer
 * (indexing on one background thread, in add order), searcher snapshots as a {@link
 * com.storyclusters.cluster.CandidateSource}, commits and the statistics file saved beside them.
 *
 * <p>Depends on {@code cluster} (it implements its candidate source), {@code fingerprint} and the
 * public value types. Every public type here is internal to the library, not part of its API.
 */
package com.storyclusters.index;
