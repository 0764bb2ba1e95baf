package com.storyclusters.examples;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A run of the command for tests: its exit code, stdout and stderr. */
record Run(int code, String out, String err) {
  /** Runs the command in this JVM, capturing System.out and System.err. */
  static synchronized Run in(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Starts the command as a child process ({@code Main.main}), stderr kept apart. */
  static ProcessBuilder child(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** Waits for a child (at most two minutes) and collects its exit code and stderr. */
  static Run of(Process p) throws Exception {
    InputStream e = p.getErrorStream();
    byte[] err = e.readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the command did not end");
    }
    return new Run(p.exitValue(), "", new String(err, StandardCharsets.UTF_8));
  }

  /** Stderr's lines. */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** Whether stderr holds exactly one line, starting "storyclusters: ", and no stack trace. */
  boolean oneErrorLine() {
    return errLines().size() == 1 && err.startsWith("storyclusters: ") && !err.contains("\tat ");
  }
}
