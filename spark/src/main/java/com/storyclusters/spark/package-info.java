/**
 * storyclusters on Apache Spark: {@code ./storyclusters-spark cluster}, the {@code cluster}
 * command of {@code storyclusters} with its input read by Spark and, for an input clustered in
 * memory or into a new index, decided by a Spark job that gives the library's assignments exactly.
 *
 * <p>Owns the Spark side only: the session and its options ({@link
 * com.storyclusters.spark.SparkOptions}), reading JSON Lines on the executors ({@link
 * com.storyclusters.spark.SparkArticles}), the command ({@link com.storyclusters.spark.SparkMain},
 * {@link com.storyclusters.spark.SparkArticleSource}), and the job ({@link
 * com.storyclusters.spark.SparkPlan}: its line counts, {@link
 * com.storyclusters.spark.PrefixCounts}; its shingle frequencies, {@link
 * com.storyclusters.spark.EpochTables}; its candidates, {@link
 * com.storyclusters.spark.SparkCandidates}; its parts, {@link com.storyclusters.spark.SparkParts}),
 * which computes the inputs of core's batch steps ({@code com.storyclusters.batch}) and
 * re-implements none of them. Into a new index the command records the job's decisions ({@code
 * StoryClusters.recordAll}); with an existing index, a report, a retention window or a repeated
 * id, the articles are added to the library on the driver ({@code StoryClusters.addAll}, in input
 * order). Either way the index written is a library index.
 */
package com.storyclusters.spark;
