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

/**
 * Every test class with a property runs with the suite's seeds ({@link Props#qt}: fixed, and
 * random in the tagged run): it uses QuickTheories only through {@link Props} (a pinned
 * regression seed may come besides) and is tagged.
 */
class PropertyTagTest {
  @Test
  void everyClassWithAPropertyIsTagged() throws IOException {
    Path tests = Path.of("src/test/java");
    List<Path> withProperties;
    try (Stream<Path> files = Files.walk(tests)) {
      withProperties = files.filter(f -> f.toString().endsWith("Test.java"))
          .filter(f -> !f.endsWith("PropertyTagTest.java"))
          .filter(f -> read(f).contains("Props.qt()") || read(f).contains("org.quicktheories"))
          .collect(Collectors.toList());
    }
    assertTrue(withProperties.size() >= 12, withProperties.toString());
    List<Path> untagged = withProperties.stream()
        .filter(f -> !read(f).contains("@org.junit.jupiter.api.Tag(\"property\")")
            || !read(f).contains("Props.qt()"))
        .collect(Collectors.toList());
    assertEquals(List.of(), untagged, "tag these @Tag(\"property\") and run their properties"
        + " with Props.qt() (README, property tests)");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
