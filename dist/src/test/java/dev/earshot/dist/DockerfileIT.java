package dev.earshot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.Stage;
import dev.earshot.service.ServiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dist/Dockerfile, checked without a Docker engine: against the tarball the build wrote and the
 * settings the services bundle.
 */
class DockerfileIT {
  /** Where the Dockerfile puts the distribution, and runs from. */
  private static final String HOME = "/opt/earshot";

  @TempDir static Path unpacked;
  private static DockerfileInstructions dockerfile;

  @BeforeAll
  static void read() throws Exception {
    dockerfile = DockerfileInstructions.read(Distribution.dockerfile());
    Distribution.unpack(unpacked);
  }

  @Test
  void everyStageIsOnAJava17Jre() {
    assertThat(dockerfile.all("FROM"))
        .isNotEmpty()
        .allSatisfy(
            from ->
                assertThat(from)
                    .matches(
                        "eclipse-temurin:17(\\.[\\d.]+(_\\d+)?)?-jre(-\\w+)?(\\s+AS\\s+\\w+)?"));
  }

  /** ADD takes target/earshot-VERSION.tar.gz, unpacks it in /opt, and HOME names its directory. */
  @Test
  void addsTheTarballTheBuildWritesAndWorksInIt() throws IOException {
    String tarball = Distribution.tarball().getFileName().toString();
    String topDirectory;
    try (var top = Files.list(unpacked)) {
      topDirectory = top.findFirst().orElseThrow().getFileName().toString();
    }
    assertThat(dockerfile.all("ADD")).containsExactly("target/" + tarball + " /opt/");
    assertThat(dockerfile.all("COPY")).isEmpty();
    assertThat(dockerfile.all("RUN")).contains("ln -s /opt/" + topDirectory + " " + HOME);
    assertThat(dockerfile.last("WORKDIR")).isEqualTo(HOME);
  }

  @Test
  void runsAsAUserOtherThanRoot() {
    String user = dockerfile.last("USER");
    assertThat(user).isNotBlank();
    String name = user.split(":")[0];
    assertThat(name).isNotIn("root", "0");
  }

  @Test
  void exposesThePortOfEachService() throws IOException {
    List<String> ports = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      ports.add(bundled(stage).getProperty("http.port"));
    }
    assertThat(ports).doesNotContainNull();
    assertThat(dockerfile.all("EXPOSE"))
        .flatMap(expose -> List.of(expose.split("\\s+")))
        .containsExactlyInAnyOrderElementsOf(ports);
  }

  /** Services bind every interface; Kafka Streams keeps its stores on the volume. */
  @Test
  void setsTheBindAddressAndAStateDirectoryOnAVolume() {
    var env = dockerfile.env();
    assertThat(env).containsEntry(ServiceConfig.envName("http.host"), "0.0.0.0");
    String stateDir =
        env.get(ServiceConfig.envName(ServiceConfig.KAFKA_PREFIX + StreamsConfig.STATE_DIR_CONFIG));
    assertThat(stateDir).as("the state directory").isNotNull();
    assertThat(dockerfile.all("VOLUME"))
        .anySatisfy(volume -> assertThat(Path.of(stateDir)).startsWithRaw(Path.of(volume)));
  }

  /** In exec form, so the JVM gets the container's SIGTERM; a launcher of the tarball. */
  @Test
  void theCommandIsALauncherOfTheTarball() {
    assertThat(dockerfile.last("ENTRYPOINT")).isNull();
    String cmd = dockerfile.last("CMD");
    assertThat(cmd).startsWith("[").endsWith("]");
    Matcher first = Pattern.compile("\\[\\s*\"([^\"]+)\"").matcher(cmd);
    assertThat(first.find()).as(cmd).isTrue();
    Path launcher;
    try (var top = Files.list(unpacked)) {
      launcher = top.findFirst().orElseThrow().resolve(first.group(1));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(launcher).isRegularFile().isExecutable();
    assertThat(Distribution.LAUNCHERS).contains(launcher.getFileName().toString());
  }

  private static Properties bundled(Stage stage) throws IOException {
    Properties props = new Properties();
    try (InputStream in =
        DockerfileIT.class.getResourceAsStream("/" + stage.tag() + ".properties")) {
      assertThat(in).as("%s.properties on the class path", stage.tag()).isNotNull();
      props.load(in);
    }
    return props;
  }
}
