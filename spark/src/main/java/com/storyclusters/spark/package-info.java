/**
 * storyclusters on Apache Spark: {@code ./storyclusters-spark cluster}, the {@code cluster}
 * command of {@code storyclusters} with its input read and parsed by a Spark job.
 *
 * <p>Owns the Spark side only: the session and its options ({@link
 * com.storyclusters.spark.SparkOptions}), reading JSON Lines on the executors ({@link
 * com.storyclusters.spark.SparkArticles}), and the command ({@link
 * com.storyclusters.spark.SparkMain}). Assignment is the library's own ({@code
 * StoryClusters.addAll}, in input order), so the output equals {@code ./storyclusters cluster}'s
 * on the same input by construction, and an {@code --index} written here is a library index that
 * {@code StoryClusters} opens and keeps adding to.
 */
package com.storyclusters.spark;
