package com.storyclusters.examples;

import com.storyclusters.StoryClusters;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code storyclusters serve --index DIR [--port N] [--host H]}: the library as an HTTP JSON
 * service ({@link Service}; README, Service). Prints {@code listening on http://HOST:PORT/} on
 * standard output once it accepts requests (with the port chosen when {@code --port 0}). On
 * SIGTERM or Ctrl-C (a shutdown hook) it answers 503, drains the requests in flight, commits,
 * closes the index and exits 0 (1 if the index could not be closed cleanly).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves an index over HTTP: POST /articles, GET|DELETE /articles/{id}, "
        + "GET /clusters/{id}, GET /explain?a=ID&b=ID, GET /health. A 200 to a write means it "
        + "is committed. SIGTERM drains the requests, commits and closes the index.")
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR",
      description = "index folder (created if missing)")
  Path index;

  @Option(names = "--port", paramLabel = "N", description = "port to listen on; 0 picks a free "
      + "one and prints it (default: ${DEFAULT-VALUE})")
  int port = 8080;

  @Option(names = "--host", paramLabel = "HOST", description = "address to listen on "
      + "(default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--threads", paramLabel = "N", description = "request threads "
      + "(default: ${DEFAULT-VALUE})")
  int threads = 4;

  @Option(names = "--max-request-bytes", paramLabel = "N", description = "larger request "
      + "bodies are refused with 413 (default: ${DEFAULT-VALUE}, 16 MiB)")
  int maxRequestBytes = Jsonl.MAX_LINE_BYTES;

  @Option(names = "--commit-window", paramLabel = "MS", description = "milliseconds a commit "
      + "waits for further writes to share it (default: ${DEFAULT-VALUE})")
  long commitWindowMillis = 5;

  @Mixin
  SettingsOptions settings = new SettingsOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be in [0, 65535], not "
          + port);
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not "
          + threads);
    }
    if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE - 16) {
      throw new ParameterException(spec.commandLine(), "--max-request-bytes must be in [1, "
          + (Integer.MAX_VALUE - 16) + "], not " + maxRequestBytes);
    }
    if (commitWindowMillis < 0) {
      throw new ParameterException(spec.commandLine(), "--commit-window must be at least 0, "
          + "not " + commitWindowMillis);
    }
    if (Files.exists(index) && !Files.isDirectory(index)) {
      System.err.println("storyclusters: --index " + index + " is not a folder");
      return Failures.FAILED;
    }
    StoryClusters sc = settings.apply(StoryClusters.builder()).directory(index).build();
    Service service;
    try {
      service = Service.start(sc, new InetSocketAddress(host, port), threads, maxRequestBytes,
          commitWindowMillis);
    } catch (IOException | RuntimeException e) {
      sc.close();
      if (e instanceof BindException) {
        System.err.println("storyclusters: cannot listen on " + host + ":" + port + ": "
            + Failures.describe(e));
        return Failures.FAILED;
      }
      throw e;
    }
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("storyclusters: serve: closing (draining requests, committing)");
      boolean ok = service.drainAndClose(Service.DRAIN);
      System.err.println("storyclusters: serve: " + (ok ? "closed " : "closed with errors ")
          + index);
      System.out.flush();
      System.err.flush();
      // the JVM would exit 143 after SIGTERM; a clean close is a clean exit
      Runtime.getRuntime().halt(ok ? 0 : Failures.FAILED);
    }, "storyclusters-shutdown"));
    InetSocketAddress at = service.address();
    System.out.println("listening on http://" + at.getHostString() + ":" + at.getPort() + "/");
    System.out.flush();
    System.err.println("storyclusters: serving " + index + " (" + sc.size() + " articles, "
        + sc.clusterCount() + " clusters)");
    forever.await(); // the shutdown hook ends the process
    return 0;
  }
}
