package com.storyclusters.examples;

import com.storyclusters.SettingsMismatchException;
import com.storyclusters.StoryClustersException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command fails: one line on stderr, {@code "storyclusters: "} and what went wrong,
 * naming the file, line or option, and an exit code: {@link #FAILED} (1) for a run that failed
 * (input, index or output), {@link #USAGE} (2) for a command line that is wrong. No stack trace,
 * unless the environment sets {@code STORYCLUSTERS_DEBUG=1}.
 */
public final class Failures {
  /** The exit code of a run that failed. */
  public static final int FAILED = 1;
  /** The exit code of a wrong command line (unknown option, missing parameter, bad value). */
  public static final int USAGE = 2;

  private Failures() {}

  /**
   * The one-line reason for a failure. The library's own failures ({@link
   * StoryClustersException}, {@link IllegalArgumentException}) and I/O failures are their message
   * (a file system error as {@code "PATH: reason"}); anything else is unexpected and also names
   * its class.
   */
  public static String describe(Throwable e) {
    String m;
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause());
    } else if (e instanceof SettingsMismatchException s) {
      m = SettingsOptions.describe(s); // and the option that opens the index
    } else if (e instanceof FileSystemException f) {
      m = f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
          + reason(f);
    } else if (e instanceof IOException || e instanceof StoryClustersException
        || e instanceof IllegalArgumentException) {
      m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    } else {
      m = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return oneLine(m);
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String reason(FileSystemException f) {
    if (f.getReason() != null) {
      return f.getReason();
    } else if (f instanceof NoSuchFileException) {
      return "no such file or folder";
    } else if (f instanceof AccessDeniedException) {
      return "permission denied";
    } else if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    } else if (f instanceof NotDirectoryException) {
      return "not a folder";
    } else if (f instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    }
    return f.getClass().getSimpleName();
  }

  /** Prints a failure of a run: one line (and the stack trace when debugging). */
  public static int failed(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println("storyclusters: " + describe(e));
    if ("1".equals(System.getenv("STORYCLUSTERS_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }

  /** Prints a wrong command line: picocli's message, which names the option, and where help is. */
  public static int usage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("storyclusters: " + oneLine(String.valueOf(e.getMessage())) + " (see '"
        + command.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return USAGE;
  }
}
