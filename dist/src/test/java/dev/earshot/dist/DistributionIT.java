package dev.earshot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.dist.Distribution.Launched;
import dev.earshot.enrich.EnrichService;
import dev.earshot.ingest.IngestService;
import dev.earshot.schemas.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tarball as a user gets it: unpacked with tar, its launchers run from a shell. */
class DistributionIT {
  private static final Pattern EARSHOT_CLASS = Pattern.compile("dev\\.earshot(?:\\.\\w+)+");

  @TempDir static Path unpacked;
  private static Path home;
  private static List<LibJars.Jar> jars;

  @BeforeAll
  static void unpack() throws Exception {
    Distribution.unpack(unpacked);
    home = unpacked.resolve("earshot-" + Distribution.VERSION);
    jars = LibJars.in(home.resolve("lib"));
  }

  @Test
  void theTarballIsNamedAfterTheVersionAndHoldsOneDirectoryOfThatName() throws IOException {
    assertThat(Distribution.tarball().getFileName())
        .hasToString("earshot-" + Distribution.VERSION + ".tar.gz");
    try (Stream<Path> top = Files.list(unpacked)) {
      assertThat(top).containsExactly(home);
    }
    try (Stream<Path> entries = Files.list(home)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("bin", "lib", "config", "LICENSE", "README.txt");
    }
    assertThat(Files.readString(home.resolve("README.txt")))
        .contains("earshot " + Distribution.VERSION)
        .doesNotContain("${");
  }

  @Test
  void everyLauncherIsAnExecutableShellScriptWhoseClassesAreInLib() throws IOException {
    try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
      assertThat(bin.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(Distribution.LAUNCHERS);
    }
    Set<String> classes = new TreeSet<>();
    jars.forEach(jar -> classes.addAll(jar.classes()));
    for (String name : Distribution.LAUNCHERS) {
      Path launcher = home.resolve("bin").resolve(name);
      assertThat(Files.getPosixFilePermissions(launcher))
          .as(name)
          .contains(
              PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_EXECUTE);
      String script = Files.readString(launcher);
      assertThat(script).as(name).startsWith("#!/bin/sh\n").doesNotContain("\r");
      List<String> mains = earshotClasses(script);
      assertThat(mains).as(name).isNotEmpty();
      assertThat(classes).as("classes in lib/ that %s runs", name).containsAll(mains);
    }
  }

  @Test
  void theServiceLaunchersRunTheServicesMains() throws IOException {
    assertThat(earshotClasses(launcher("earshot-ingest")))
        .containsExactly(IngestService.class.getName());
    assertThat(earshotClasses(launcher("earshot-enrich")))
        .containsExactly(EnrichService.class.getName());
    assertThat(earshotClasses(launcher("earshot-aggregate")))
        .containsExactly(AggregateService.class.getName());
  }

  /** bin/earshot offers what the repository's ./earshot offers, each on the same main. */
  @Test
  void theEarshotLauncherHasTheCommandsOfTheRepositoryScript() throws IOException {
    Map<String, String> repository =
        commands(
            Files.readString(Distribution.repositoryScript()),
            Pattern.compile("\\[(\\w+)]=(dev\\.earshot[\\w.]+)"));
    Map<String, String> distribution =
        commands(
            launcher("earshot"), Pattern.compile("(?m)^\\s*(\\w+)\\) main=(dev\\.earshot[\\w.]+)"));
    assertThat(repository).containsKeys("topics", "taxonomy", "enrich", "evaluate", "train");
    assertThat(distribution).isEqualTo(repository);
  }

  @Test
  void libHoldsOneVersionOfEachArtifactAndNothingOnlyTestsUse() {
    Map<String, Set<String>> versions = new TreeMap<>();
    for (LibJars.Jar jar : jars) {
      versions.computeIfAbsent(jar.artifactId(), a -> new TreeSet<>()).add(jar.version());
    }
    assertThat(versions.entrySet().stream().filter(e -> e.getValue().size() > 1))
        .as("artifacts in lib/ in more than one version")
        .isEmpty();
    assertThat(versions)
        .containsKeys("earshot-ingest", "earshot-enrich", "earshot-aggregate", "earshot-tools")
        .doesNotContainKeys("earshot-deploy", "junit-jupiter-api", "assertj-core");
  }

  /** The examples in config/ are the very defaults the services load from their jars. */
  @Test
  void configHoldsTheDefaultsTheServiceJarsBundle() throws IOException {
    List<URL> urls = new ArrayList<>();
    for (LibJars.Jar jar : jars) {
      urls.add(jar.file().toUri().toURL());
    }
    try (URLClassLoader lib = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      for (Stage stage : Stage.values()) {
        String file = stage.tag() + ".properties";
        try (InputStream bundled = lib.getResourceAsStream(file)) {
          assertThat(bundled).as("%s in lib/", file).isNotNull();
          assertThat(Files.readString(home.resolve("config").resolve(file)))
              .isEqualTo(new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  static Stream<Arguments> usages() {
    return Stream.of(
        Arguments.of(List.of("bin/earshot-ingest", "--help"), 0, "Usage: " + Stage.INGEST.tag()),
        Arguments.of(List.of("bin/earshot-enrich", "--help"), 0, "Usage: " + Stage.ENRICH.tag()),
        Arguments.of(
            List.of("bin/earshot-aggregate", "--help"), 0, "Usage: " + Stage.AGGREGATE.tag()),
        Arguments.of(List.of("bin/earshot", "topics", "--help"), 0, "Usage: earshot topics"),
        Arguments.of(List.of("bin/earshot", "ingest", "--help"), 0, "--replay"),
        Arguments.of(List.of("bin/earshot"), 2, "earshot topics"),
        Arguments.of(List.of("bin/earshot", "no-such-command"), 2, "earshot taxonomy check"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usages")
  void eachLauncherPrintsItsUsage(List<String> command, int exitCode, String usage)
      throws Exception {
    Launched launched = Launched.run(home, Map.of(), command);
    assertThat(launched.exitCode()).as(launched.output()).isEqualTo(exitCode);
    assertThat(launched.output()).contains(usage);
  }

  /** A launcher linked from elsewhere (say /usr/local/bin) still finds its lib/. */
  @Test
  void aLauncherRunsThroughARelativeSymlink(@TempDir Path elsewhere) throws Exception {
    Path link = elsewhere.resolve("enrich");
    Files.createSymbolicLink(
        link, elsewhere.relativize(home.resolve("bin").resolve("earshot-enrich")));
    Launched launched = Launched.run(elsewhere, Map.of(), List.of(link.toString(), "--help"));
    assertThat(launched.exitCode()).as(launched.output()).isZero();
    assertThat(launched.output()).contains("Usage: " + Stage.ENRICH.tag());
  }

  @Test
  void theLauncherRunsTheJavaOfJavaHome() throws Exception {
    Launched launched =
        Launched.run(
            home, Map.of("JAVA_HOME", "/no/such/jdk"), List.of("bin/earshot-aggregate", "--help"));
    assertThat(launched.exitCode()).isEqualTo(127);
    assertThat(launched.output()).contains("/no/such/jdk/bin/java");
  }

  /** JAVA_OPTS reaches the JVM as several options; EARSHOT_CLASSPATH_EXTRA joins the class path. */
  @Test
  void javaOptionsAndExtraJarsReachTheJvm(@TempDir Path extra) throws Exception {
    Path jar = Files.createFile(extra.resolve("extra.jar"));
    Launched launched =
        Launched.run(
            home,
            Map.of(
                "JAVA_OPTS",
                "-Xmx128m -XshowSettings:properties",
                "EARSHOT_CLASSPATH_EXTRA",
                jar.toString()),
            List.of("bin/earshot-ingest", "--version"));
    assertThat(launched.exitCode()).as(launched.output()).isZero();
    assertThat(launched.output())
        .contains("earshot " + Distribution.VERSION)
        .contains(jar.toString())
        .contains(
            home.resolve("lib")
                .resolve("earshot-ingest-" + Distribution.VERSION + ".jar")
                .toString());
  }

  private static String launcher(String name) throws IOException {
    return Files.readString(home.resolve("bin").resolve(name));
  }

  private static List<String> earshotClasses(String script) {
    Matcher m = EARSHOT_CLASS.matcher(script);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Map<String, String> commands(String script, Pattern command) {
    Matcher m = command.matcher(script);
    Map<String, String> found = new TreeMap<>();
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }
}
