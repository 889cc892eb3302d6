package dev.earshot.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;

/**
 * The days the bundled sample covers, UTC, first and last included, read from {@code
 * sample/sample.properties} next to the sample: the one place they are stated (the sample generator
 * in tools reads the same file).
 */
record SampleDays(LocalDate first, LocalDate last) {
  static final String RESOURCE = "/sample/sample.properties";

  static SampleDays bundled() {
    Properties properties = new Properties();
    try (InputStream in = SampleDays.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new SampleDays(day(properties, "first-day"), day(properties, "last-day"));
  }

  /** The query API's {@code from}: the first day. */
  String from() {
    return first.toString();
  }

  /** The query API's {@code to}, which is exclusive: the day after the last day. */
  String to() {
    return last.plusDays(1).toString();
  }

  private static LocalDate day(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + " has no " + key);
    }
    return LocalDate.parse(value.trim());
  }
}
