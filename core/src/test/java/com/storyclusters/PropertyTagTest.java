package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every test class with a property ({@link Props#qt}) also runs with a random seed: it is tagged. */
class PropertyTagTest {
  @Test
  void everyClassWithAPropertyIsTagged() throws IOException {
    Path tests = Path.of("src/test/java");
    List<Path> withProperties;
    try (Stream<Path> files = Files.walk(tests)) {
      withProperties = files.filter(f -> f.toString().endsWith("Test.java"))
          .filter(f -> !f.endsWith("PropertyTagTest.java"))
          .filter(f -> read(f).contains("Props.qt()")).collect(Collectors.toList());
    }
    assertTrue(withProperties.size() >= 9, withProperties.toString());
    List<Path> untagged = withProperties.stream()
        .filter(f -> !read(f).contains("@org.junit.jupiter.api.Tag(\"property\")"))
        .collect(Collectors.toList());
    assertEquals(List.of(), untagged, "tag these @Tag(\"property\") (README, property tests)");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
