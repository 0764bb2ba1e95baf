package com.storyclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The part of doclint the javadoc plugin cannot do alone: it fails on broken references and HTML
 * ({@code -Xdoclint:all,-missing}, parent pom), but its "missing" group would also demand every
 * {@code @param} and {@code @return}. This reads core's sources with the compiler's tree API and
 * fails when a public type (or a protected member type of one) has no javadoc comment at all.
 */
class PublicJavadocTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void everyPublicTypeHasAComment() throws IOException {
    List<String> missing = undocumented(SOURCES);
    assertEquals(List.of(), missing, "public types without a javadoc comment");
  }

  @Test
  void theCheckSeesAMissingComment() throws IOException {
    Path dir = Files.createTempDirectory("javadoc-check");
    Path file = dir.resolve("p/Bare.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package p;\n/** Documented. */\npublic class Bare {\n"
        + "  public static final class Inner {}\n  /** Yes. */\n  public interface Yes {}\n"
        + "  private static class Private {\n    public static class NotApi {}\n  }\n}\n"
        + "class PackagePrivate {\n  public static class NotApiEither {}\n}\n");
    assertEquals(List.of("p/Bare.java: type p.Bare.Inner"), undocumented(dir));
  }

  /** "FILE: type NAME" for every public type without a javadoc comment. */
  static List<String> undocumented(Path root) throws IOException {
    assertTrue(Files.isDirectory(root), root + " not found (run from the module folder)");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> missing = new ArrayList<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
          fm.getJavaFileObjectsFromPaths(files));
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        String file = root.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri()))
            .toString();
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
        new TreePathScanner<Void, String>() {
          @Override
          public Void visitClass(ClassTree c, String outer) {
            if (!api(c.getModifiers().getFlags())) {
              return null; // nothing inside a non-public type is API
            }
            String name = outer + c.getSimpleName();
            if (comment() == null) {
              missing.add(file + ": type " + name);
            }
            return super.visitClass(c, name + ".");
          }

          @Override
          public Void visitMethod(MethodTree m, String outer) {
            return null; // members: doclint's -missing is off (it would demand every @param)
          }

          @Override
          public Void visitVariable(VariableTree v, String outer) {
            return null;
          }

          private DocCommentTree comment() {
            TreePath path = getCurrentPath();
            return docs.getDocCommentTree(path);
          }
        }.scan(unit, pkg);
      }
    }
    return missing;
  }

  /** Public, or (for a member type) protected: documented by the javadoc plugin. */
  private static boolean api(java.util.Set<Modifier> flags) {
    return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED);
  }
}
