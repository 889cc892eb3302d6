package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.schemas.Stage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class StreamAppRunnerTest {
  private static final ServiceConfig CONFIG =
      ServiceConfig.of(
          Map.of(
              "http.host", "127.0.0.1",
              "http.port", "0",
              "schema.registry.url", "http://127.0.0.1:1/apis/ccompat/v7",
              "kafka.bootstrap.servers", "127.0.0.1:1",
              "kafka.application.id", "runner-test"));

  private final AtomicInteger closed = new AtomicInteger();

  /**
   * An app that opens something, then fails to build its topology: with the error if given, else
   * the runtime exception.
   */
  private StreamApp failingWith(RuntimeException runtime, Error error) {
    return new StreamApp() {
      @Override
      public Stage stage() {
        return Stage.ENRICH;
      }

      @Override
      public Topology topology(StreamAppContext context) {
        context.closeWithApp(closed::incrementAndGet);
        if (error != null) {
          throw error;
        }
        throw runtime;
      }
    };
  }

  @Test
  void aStartThatFailsClosesWhatTheAppOpened() {
    StreamApp failing = failingWith(new IllegalStateException("cannot read the taxonomy"), null);

    assertThatThrownBy(() -> StreamAppRunner.start(failing, CONFIG))
        .hasMessageContaining("cannot read the taxonomy");
    assertThat(closed).hasValue(1);
  }

  @Test
  void anErrorWhileBuildingAlsoClosesWhatTheAppOpened() {
    StreamApp failing = failingWith(null, new NoClassDefFoundError("edu/stanford/nlp/Missing"));

    assertThatThrownBy(() -> StreamAppRunner.start(failing, CONFIG))
        .isInstanceOf(NoClassDefFoundError.class);
    assertThat(closed).hasValue(1);
  }
}
