package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class QuietLogTest {
  @Test
  void logsOneLineWithoutStackPerIntervalAndSaysHowManyItLeftOut() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("quiet-log-test");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    QuietLog log = new QuietLog(logger, Duration.ofMillis(200));

    for (int i = 0; i < 1_000; i++) {
      log.warn("post not stored", new IllegalStateException("broker down"));
    }
    Thread.sleep(250);
    log.warn("post not stored", new IllegalStateException("broker down"));

    assertThat(lines.list).hasSize(2);
    assertThat(lines.list.get(0).getFormattedMessage())
        .isEqualTo("post not stored: java.lang.IllegalStateException: broker down");
    assertThat(lines.list.get(0).getThrowableProxy()).isNull();
    assertThat(lines.list.get(1).getFormattedMessage()).endsWith("(999 more like it not logged)");
  }
}
