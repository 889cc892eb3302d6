package dev.earshot.aggregate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service's own command line: help without a configuration, a broker or a registry. */
class AggregateServiceMainTest {
  @Test
  void helpPrintsTheUsageAndStartsNothing() {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      AggregateService.main(new String[] {"--help"});
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Usage: aggregate")
        .contains("--config=FILE");
  }
}
