package dev.earshot.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service's own command line: help without a configuration, a broker or a registry. */
class EnrichServiceMainTest {
  @Test
  void helpPrintsTheUsageAndStartsNothing() {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      EnrichService.main(new String[] {"--help"});
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Usage: enrich")
        .contains("--config=FILE");
  }
}
