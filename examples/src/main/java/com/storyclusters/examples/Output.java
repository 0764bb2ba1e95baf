package com.storyclusters.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command's result lines go: standard output, or a file written atomically.
 *
 * <p>A file is written to a temporary file beside it (created like any new file, so it gets the
 * usual mode under the umask) and moved into place by {@link #commit()} only; {@link #close()}
 * without a commit deletes it, so a failed run leaves no output and keeps an older file as it
 * was. Standard output is checked for write errors at every {@link #flush()}: a full disk or a
 * closed pipe is a {@link WriteFailure}, not silently lost output.
 *
 * <p>Not thread-safe.
 */
final class Output implements AutoCloseable {
  /** Writing the output failed; the message says {@code "cannot write output..."} and why. */
  static final class WriteFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean brokenPipe;

    WriteFailure(String message, boolean brokenPipe, Throwable cause) {
      super(message, cause);
      this.brokenPipe = brokenPipe;
    }

    /** Whether the reader of a pipe went away (as after {@code | head}). */
    boolean brokenPipe() {
      return brokenPipe;
    }
  }

  private final Path file;
  private final Path tmp;
  private final FileChannel channel;
  private final OutputStream stdout;
  private final Writer writer;
  private boolean committed;

  private Output(Path file, Path tmp, FileChannel channel, OutputStream stdout, Writer writer) {
    this.file = file;
    this.tmp = tmp;
    this.channel = channel;
    this.stdout = stdout;
    this.writer = writer;
  }

  /** Lines to standard output (never closed). */
  static Output stdout(OutputStream stdout) {
    return new Output(null, null, null, stdout, new BufferedWriter(
        new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16));
  }

  /**
   * Lines to {@code file}, via a new temporary file in its folder (the folder is created if
   * missing).
   *
   * @throws IOException naming the file if it is a folder or its folder cannot be written
   */
  static Output file(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("--output " + file + " is a folder");
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      try {
        Files.createDirectories(parent);
      } catch (FileAlreadyExistsException notAFolder) {
        throw new IOException(notAFolder.getFile() + " is not a folder", notAFolder);
      }
      while (true) {
        Path tmp = parent.resolve(".storyclusters-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
          FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          return new Output(file, tmp, channel, null, new BufferedWriter(new OutputStreamWriter(
              Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16));
        } catch (FileAlreadyExistsException taken) {
          // another run's temporary file: draw another name
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot write --output " + file + ": " + Failures.describe(e), e);
    }
  }

  /** Writes one line (a line break is added). */
  void line(String line) throws WriteFailure {
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Hands what was written on, and fails if standard output has failed. */
  void flush() throws WriteFailure {
    try {
      writer.flush();
    } catch (IOException e) {
      throw failure(e);
    }
    if (stdout instanceof PrintStream ps && ps.checkError()) {
      throw new WriteFailure("cannot write output: standard output failed", false, null);
    }
  }

  /**
   * Finishes the output: flushes standard output, or makes the file durable and moves it into
   * place (replacing an older one).
   */
  void commit() throws IOException {
    flush();
    if (file == null) {
      return;
    }
    try {
      channel.force(true);
      writer.close();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failure(e);
    }
    committed = true;
  }

  private WriteFailure failure(IOException e) {
    String m = e.getMessage();
    if (file == null) {
      return new WriteFailure("cannot write output: " + Failures.describe(e),
          m != null && m.contains("Broken pipe"), e);
    }
    return new WriteFailure("cannot write output " + file + ": " + Failures.describe(e), false,
        e);
  }

  /** Deletes the temporary file unless committed; leaves standard output open. */
  @Override
  public void close() throws IOException {
    if (file == null || committed) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      // the output is being discarded: its write errors no longer matter
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
