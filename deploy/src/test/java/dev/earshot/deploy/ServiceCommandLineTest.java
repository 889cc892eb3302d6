package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.enrich.EnrichService;
import dev.earshot.ingest.IngestService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's own command line: help without a configuration, a broker or a registry. */
class ServiceCommandLineTest {
  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("ingest", (Consumer<String[]>) IngestService::main),
        Arguments.of("enrich", (Consumer<String[]>) EnrichService::main),
        Arguments.of("aggregate", (Consumer<String[]>) AggregateService::main));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void helpPrintsTheUsageAndStartsNothing(String name, Consumer<String[]> main) {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.accept(new String[] {"--help"});
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Usage: " + name)
        .contains("--config=FILE");
  }
}
