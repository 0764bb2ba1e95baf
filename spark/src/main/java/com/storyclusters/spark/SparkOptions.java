package com.storyclusters.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The Spark options of {@code storyclusters-spark cluster}, and the session they make. Not
 * thread-safe (set by the command line, read once).
 */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: "
      + "${DEFAULT-VALUE}: this machine, all cores)")
  String master = "local[*]";

  @Option(names = "--partitions", paramLabel = "N", description = "read the input in at least N "
      + "partitions (default: Spark's choice by file size)")
  int partitions = 0;

  /** A session on {@code --master}: quiet (warnings only), no web UI. */
  SparkSession session() {
    SparkSession.Builder b = SparkSession.builder().appName("storyclusters").master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) { // this machine: no guessing at its network address
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession s = b.getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }
}
