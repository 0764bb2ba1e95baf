package com.storyclusters.examples;

import com.storyclusters.StoryClusters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
 * The HTML report of an index ({@code storyclusters report}, {@code cluster --report}): one
 * self-contained page, read by {@link ReportModel} and rendered by {@link ReportHtml}. The file is
 * written to a temporary file beside it and moved into place when complete, so a failed report
 * leaves no half-written file and an older one as it was.
 */
final class Report {
  private Report() {}

  /**
   * Writes the report of {@code sc} to {@code file}.
   *
   * @param title what the page says it reports on (the index folder or the input)
   */
  static void write(StoryClusters sc, Path file, String title) throws IOException {
    write(sc, file, title, ReportModel.Caps.DEFAULT);
  }

  static void write(StoryClusters sc, Path file, String title, ReportModel.Caps caps)
      throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("report " + file + " is a folder");
    }
    ReportModel model = ReportModel.of(sc, title, caps);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp;
    FileChannel channel;
    while (true) {
      tmp = parent.resolve(".storyclusters-report-"
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        break;
      } catch (FileAlreadyExistsException taken) {
        // another run's temporary file: draw another name
      }
    }
    boolean moved = false;
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
        StandardCharsets.UTF_8), 1 << 16)) {
      ReportHtml.write(model, out);
      out.flush();
      channel.force(true);
      out.close();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
