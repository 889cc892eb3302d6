package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;

/**
 * The logging every service ships (logback.xml in this module's jar, so any class path with the
 * services has it), and its JSON variant.
 */
class LoggingConfigTest {
  private static LoggerContext configured(String resource) throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LoggingConfigTest.class.getResource("/" + resource));
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .as("warnings and errors while reading " + resource)
        .allMatch(s -> s.getLevel() == Status.INFO);
    return context;
  }

  @Test
  void textLinesCarryAnIsoTimeInUtcAndTheThread() throws Exception {
    LoggerContext context = configured("logback.xml");
    var appender =
        (ConsoleAppender<?>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("text");
    String pattern = ((PatternLayoutEncoder) appender.getEncoder()).getPattern();
    assertThat(pattern).contains("yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC").contains("[%thread]");
    assertThat(context.getLogger("dev.earshot").getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void theJsonVariantWritesJsonAtTheSameLevels() throws Exception {
    LoggerContext context = configured("logback-json.xml");
    var appender =
        (ConsoleAppender<?>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("json");
    assertThat(appender.getEncoder()).isInstanceOf(JsonEncoder.class);
    assertThat(context.getLogger("dev.earshot").getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("edu.stanford").getLevel()).isEqualTo(Level.WARN);
  }
}
