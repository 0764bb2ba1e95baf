package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars follow the Maven conventions (issue 14, item 4): run by failsafe after this
 * module's package phase, when core's jars and the shaded command jar exist. Every jar carries the
 * project's {@code META-INF/LICENSE} and {@code META-INF/NOTICE} and names its module; core has
 * sources and javadoc jars; the command jar's NOTICE starts with the project's and goes on with
 * the notices of what it bundles.
 */
class JarsIT {
  static final Path ROOT = Path.of(System.getProperty("storyclusters.root", "..")).normalize();
  static final String VERSION = System.getProperty("storyclusters.version", "0.1.0-SNAPSHOT");

  static Path core(String classifier) {
    return ROOT.resolve("core/target/storyclusters-core-" + VERSION
        + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
  }

  @Test
  void coreJarNamesItsModuleAndCarriesLicenseAndNotice() throws IOException {
    try (JarFile jar = open(core(""))) {
      assertEquals("com.storyclusters.core", moduleName(jar));
      assertLicenseAndNotice(jar);
      assertNotNull(jar.getEntry("com/storyclusters/StoryClusters.class"));
    }
  }

  @Test
  void coreHasSourcesAndJavadocJars() throws IOException {
    try (JarFile jar = open(core("sources"))) {
      assertNotNull(jar.getEntry("com/storyclusters/StoryClusters.java"), "sources jar");
      assertLicenseAndNotice(jar);
    }
    try (JarFile jar = open(core("javadoc"))) {
      assertNotNull(jar.getEntry("index.html"), "javadoc jar");
      assertTrue(jar.stream().anyMatch(e -> e.getName().endsWith("/StoryClusters.html")),
          "javadoc jar documents StoryClusters");
      assertLicenseAndNotice(jar);
    }
  }

  @Test
  void examplesJarNamesItsModule() throws IOException {
    try (JarFile jar = open(ROOT.resolve("examples/target/storyclusters-examples-" + VERSION
        + ".jar"))) {
      assertEquals("com.storyclusters.examples", moduleName(jar));
      assertLicenseAndNotice(jar);
    }
  }

  @Test
  void commandJarCarriesTheNoticesOfWhatItBundles() throws IOException {
    try (JarFile jar = open(ROOT.resolve("examples/target/storyclusters.jar"))) {
      assertEquals("com.storyclusters.examples", moduleName(jar));
      assertEquals(Main.class.getName(), jar.getManifest().getMainAttributes()
          .getValue("Main-Class"));
      assertEquals(read(ROOT.resolve("LICENSE")), text(jar, "META-INF/LICENSE"));
      String notice = text(jar, "META-INF/NOTICE");
      String ours = read(ROOT.resolve("NOTICE"));
      assertTrue(notice.strip().startsWith(ours.lines().limit(2).reduce((a, b) -> a + "\n" + b)
          .orElseThrow()), "the project's notice first:\n" + notice);
      for (String bundled : new String[] {"Apache Lucene", "Apache Commons Text",
          "Apache Commons Lang", "Jackson", "This product includes software developed at\n"
              + "The Apache Software Foundation"}) {
        assertTrue(notice.contains(bundled), "NOTICE lacks " + bundled);
      }
      assertTrue(text(jar, "META-INF/LICENSE.txt").contains("org/apache/lucene/util"),
          "Lucene's LICENSE.txt, with the licences of the code it bundles");
      assertTrue(text(jar, "META-INF/jsoup/LICENSE").contains("MIT"), "jsoup's MIT licence");
    }
  }

  private static JarFile open(Path jar) throws IOException {
    assertTrue(Files.isRegularFile(jar), jar + " not built: run mvn verify from the root");
    return new JarFile(jar.toFile());
  }

  private static String moduleName(JarFile jar) throws IOException {
    assertNotNull(jar.getManifest(), jar.getName() + " has no manifest");
    return jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
  }

  /** The jar's LICENSE and NOTICE are the repository's. */
  private static void assertLicenseAndNotice(JarFile jar) throws IOException {
    assertEquals(read(ROOT.resolve("LICENSE")), text(jar, "META-INF/LICENSE"), jar.getName());
    assertEquals(read(ROOT.resolve("NOTICE")), text(jar, "META-INF/NOTICE"), jar.getName());
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry(name);
    assertNotNull(e, jar.getName() + " lacks " + name);
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
