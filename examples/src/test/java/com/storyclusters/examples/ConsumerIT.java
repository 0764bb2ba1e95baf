package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The consumer project of README ({@code examples/consumer}: a pom of its own and {@code App.java})
 * works against the built library: its dependency names this build's core artifact, and App
 * compiles against core's jar (with core's dependencies, not its classes folder) and runs. Run by
 * failsafe after package, offline, in a few seconds.
 */
class ConsumerIT {
  private static final Path CONSUMER = JarsIT.ROOT.resolve("examples/consumer");

  @Test
  void consumerPomDependsOnThisCoreArtifact() throws Exception {
    var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(CONSUMER.resolve("pom.xml").toFile());
    NodeList deps = pom.getElementsByTagName("dependency");
    assertEquals(1, deps.getLength(), "one dependency: the library");
    Element dep = (Element) deps.item(0);
    assertEquals(System.getProperty("storyclusters.groupId", "com.storyclusters"),
        child(dep, "groupId"));
    assertEquals("storyclusters-core", child(dep, "artifactId"));
    assertEquals(JarsIT.VERSION, child(dep, "version"), "the consumer pom's version of core");
  }

  @Test
  void appCompilesAgainstTheCoreJarAndRuns() throws Exception {
    Path out = Files.createTempDirectory("consumer");
    List<File> classpath = new ArrayList<>();
    classpath.add(JarsIT.core("").toFile());
    classpath.addAll(dependencies());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    Path app = CONSUMER.resolve("src/main/java/com/example/news/App.java");
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(messages, fm, null, List.of("--release", "17", "-d",
          out.toString(), "-classpath", join(classpath), "-Xlint:all", "-Werror"), null,
          fm.getJavaFileObjects(app.toFile())).call();
      assertTrue(ok, "App.java does not compile against core's jar:\n" + messages);
    }
    List<URL> urls = new ArrayList<>(List.of(out.toUri().toURL()));
    for (File f : classpath) {
      urls.add(f.toURI().toURL());
    }
    String printed;
    PrintStream stdout = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      Method main = loader.loadClass("com.example.news.App").getMethod("main", String[].class);
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
    }
    printed = buffer.toString(StandardCharsets.UTF_8);
    assertEquals("jt-1 -> kyodo-1", printed.strip());
  }

  /** The test classpath's jars that are not this project's own (core's dependencies among them). */
  private static List<File> dependencies() {
    Path root = JarsIT.ROOT.toAbsolutePath().normalize();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> !p.toAbsolutePath().normalize().startsWith(root))
        .map(Path::toFile).toList();
  }

  private static String join(List<File> files) {
    return String.join(File.pathSeparator, files.stream().map(File::getPath).toList());
  }

  private static String child(Element e, String name) {
    NodeList l = e.getElementsByTagName(name);
    return l.getLength() == 0 ? null : l.item(0).getTextContent().strip();
  }
}
