/**
 * The durable index: an Apache Lucene index, one document per article, from which everything in
 * memory is rebuilt on open. {@link com.storyclusters.index.IndexLayout} is the one owner of the
 * layout (field names, term and doc-value encodings, commit user data, format version): nothing
 * else reads or writes a field by name. {@link com.storyclusters.index.LuceneStore} owns the writer
 * (indexing on one background thread, in add order, through the bounded {@code IndexQueue}),
 * searcher snapshots for reads by id, commits and the statistics file saved beside them. {@code
 * IndexFolder} decides whether a folder may be opened, {@code Integrity} what an open verifies,
 * {@link com.storyclusters.index.IndexCheck} the full read-only check. Candidates are never looked
 * up here: the {@code cluster} package keeps them in memory, rebuilt from this index on open.
 *
 * <p>Depends on {@code cluster} (the evidence and member types it stores), {@code fingerprint}
 * and the public value types. Every public type here is internal to the library, not part of its
 * API.
 */
package com.storyclusters.index;
