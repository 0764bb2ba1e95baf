package com.storyclusters.examples;

import java.io.OutputStream;

/**
 * The top command that runs a subcommand such as {@link ClusterCommand}: where result lines go
 * (a stream whose write errors are seen: see {@code Output}).
 */
public interface CommandHost {
  /** Standard output, as a stream that reports write errors. */
  OutputStream stdout();
}
