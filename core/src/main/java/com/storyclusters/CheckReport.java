package com.storyclusters;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link StoryClusters#check} found in an index folder: the problems, one line each (empty
 * when the index is sound), and what was counted. A damaged index's problems start with {@code
 * "corrupt index at PATH: "} and name the damaged file when Lucene does. Immutable.
 *
 * @param path the folder checked
 * @param problems one line per problem found, in the order found
 * @param segments the Lucene segments of the last commit (0 when it could not be read)
 * @param articles the live articles whose required fields were read (0 when not reached)
 */
public record CheckReport(Path path, List<String> problems, int segments, int articles) {
  /** Copies {@code problems}. */
  public CheckReport {
    Objects.requireNonNull(path, "path");
    problems = List.copyOf(problems);
  }

  /** Whether no problem was found. */
  public boolean clean() {
    return problems.isEmpty();
  }
}
