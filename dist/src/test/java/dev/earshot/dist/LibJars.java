package dev.earshot.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The jars of a distribution's lib/: which artifact and version each is, which classes it has. */
final class LibJars {
  /** {@code name-version.jar}, the version starting at the first "-digit". */
  private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d.*)\\.jar");

  record Jar(Path file, String artifactId, String version, TreeSet<String> classes) {}

  private LibJars() {}

  static List<Jar> in(Path lib) throws IOException {
    List<Jar> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(lib)) {
      for (Path file : files.sorted().toList()) {
        jars.add(read(file));
      }
    }
    return jars;
  }

  /**
   * The artifact id and version from the jar's own pom.properties (a jar can carry those of
   * libraries it shades: the one its file is named after), else from its file name.
   */
  private static Jar read(Path file) {
    String name = file.getFileName().toString();
    String artifactId = null;
    String version = null;
    TreeSet<String> classes = new TreeSet<>();
    try (JarFile jar = new JarFile(file.toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        String path = entry.getName();
        if (path.endsWith(".class")) {
          classes.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        } else if (path.startsWith("META-INF/maven/") && path.endsWith("/pom.properties")) {
          Properties pom = new Properties();
          try (InputStream in = jar.getInputStream(entry)) {
            pom.load(in);
          }
          String a = pom.getProperty("artifactId");
          String v = pom.getProperty("version");
          if (a != null && v != null && name.startsWith(a + "-" + v)) {
            artifactId = a;
            version = v;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (artifactId == null) {
      Matcher m = FILE_NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException(name + " names no version");
      }
      artifactId = m.group(1);
      version = m.group(2);
    }
    return new Jar(file, artifactId, version, classes);
  }
}
