package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void everyServiceShowsTheJvmTheProcessAndWhichEarshotRuns() {
    PrometheusMeterRegistry registry = Metrics.newRegistry("testsvc");
    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_threads_live_threads{")
        .contains("process_cpu_usage{")
        .contains("process_uptime_seconds{")
        .contains("earshot_build_info{java=\"" + System.getProperty("java.version") + "\"")
        .contains("service=\"testsvc\"");
  }

  @Test
  void everyEarshotCounterHasItsHelpInTheScrape() {
    PrometheusMeterRegistry registry = Metrics.newRegistry("testsvc");
    for (EarshotCounter counter : EarshotCounter.values()) {
      counter.in(registry).increment();
    }
    String scrape = registry.scrape();
    for (EarshotCounter counter : EarshotCounter.values()) {
      assertThat(scrape)
          .as(counter.name())
          .contains("# HELP " + counter.prometheusName() + " " + counter.help());
    }
  }

  @Test
  void everyEarshotTimerIsAHistogramWithItsHelp() {
    PrometheusMeterRegistry registry = Metrics.newRegistry("testsvc");
    for (EarshotTimer timer : EarshotTimer.values()) {
      timer.in(registry).record(java.time.Duration.ofMillis(3));
    }
    String scrape = registry.scrape();
    for (EarshotTimer timer : EarshotTimer.values()) {
      assertThat(scrape)
          .as(timer.name())
          .contains("# HELP " + timer.prometheusName() + " " + timer.help())
          .contains(timer.prometheusName() + "_bucket{")
          .contains(timer.prometheusName() + "_count{");
    }
  }

  @Test
  void theReadmeDocumentsEveryEarshotCounterAndTimer() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    for (EarshotCounter counter : EarshotCounter.values()) {
      assertThat(readme).as(counter.name()).contains("`" + counter.prometheusName());
    }
    for (EarshotTimer timer : EarshotTimer.values()) {
      assertThat(readme).as(timer.name()).contains("`" + timer.prometheusName());
    }
  }
}
