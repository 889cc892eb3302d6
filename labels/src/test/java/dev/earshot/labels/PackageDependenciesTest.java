package dev.earshot.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form layers, so none can grow a cycle: each sub-package may use only those
 * listed for it, and none the root package, which assembles them all.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/earshot/labels");
  private static final Pattern USE = Pattern.compile("dev\\.earshot\\.labels\\.([a-z]+)\\.");

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "text", Set.of(),
          "model", Set.of(),
          "sentiment", Set.of("text", "model"),
          "taxonomy", Set.of("text", "sentiment"),
          "topics", Set.of("text", "model"),
          "routing", Set.of("text", "model"));

  @Test
  void eachSubPackageUsesOnlyTheLayersBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the root package may use every sub-package
        }
        String from = relative.getName(0).toString();
        String source = Files.readString(file);
        if (!ALLOWED.containsKey(from)) {
          violations.add(relative + ": package " + from + " has no layer in this test");
          continue;
        }
        Matcher use = USE.matcher(source);
        while (use.find()) {
          String to = use.group(1);
          if (!to.equals(from) && !ALLOWED.get(from).contains(to)) {
            violations.add(relative + " uses " + to);
          }
        }
        if (Pattern.compile("dev\\.earshot\\.labels\\.[A-Z]").matcher(source).find()) {
          violations.add(relative + " uses the root package");
        }
      }
    }

    assertThat(violations).isEmpty();
  }
}
