package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMainTest {
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  /** An app that must never be started by these tests: building it fails them. */
  private static final StreamApp APP =
      new StreamApp() {
        @Override
        public Stage stage() {
          return Stage.ENRICH;
        }

        @Override
        public String name() {
          return "testapp";
        }

        @Override
        public Topology topology(StreamAppContext context) {
          throw new AssertionError("the app must not start");
        }
      };

  @BeforeEach
  void capture() {
    PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  @AfterEach
  void restore() {
    System.setOut(out);
    System.setErr(err);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpNamesTheAppAndItsOptionsWithoutStartingIt() {
    assertThat(ServiceMain.execute(APP, "Labels posts.", new String[] {"--help"})).isZero();
    assertThat(printed())
        .contains("Usage: testapp")
        .contains("--config=FILE")
        .contains("Labels posts.")
        .contains("--help");
  }

  @Test
  void versionIsTheOneTheBuildInfoMetricShows() {
    assertThat(ServiceMain.execute(APP, "Labels posts.", new String[] {"--version"})).isZero();
    assertThat(printed()).contains("earshot " + Metrics.VERSION);
  }

  @Test
  void anUnknownOptionFailsWithUsage() {
    assertThat(ServiceMain.execute(APP, "Labels posts.", new String[] {"--confg", "x"}))
        .isNotZero();
    assertThat(printed()).contains("Unknown option").contains("Possible solutions: --config");
  }

  @Test
  void aPositionalArgumentIsRefusedRatherThanIgnored() {
    assertThat(ServiceMain.execute(APP, "Labels posts.", new String[] {"enrich.properties"}))
        .isNotZero();
  }

  @Test
  void aMissingConfigFileFailsBeforeTheAppIsBuilt(@TempDir Path dir) {
    Path missing = dir.resolve("missing.properties");
    assertThat(Files.exists(missing)).isFalse();
    assertThat(
            ServiceMain.execute(
                APP, "Labels posts.", new String[] {"--config", missing.toString()}))
        .isNotZero();
    assertThat(printed()).contains("missing.properties");
  }
}
