package dev.earshot.tools.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * The days the sample covers, UTC, first and last included. They are stated once, in {@code
 * deploy/src/main/resources/sample/sample.properties} next to the sample, which the local runner
 * also reads to print its query URLs (tools does not depend on deploy, so it reads the file).
 */
record SampleDays(LocalDate first, LocalDate last) {
  static final String DEFAULT_FILE = "deploy/src/main/resources/sample/sample.properties";

  SampleDays {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last-day " + last + " is before first-day " + first);
    }
  }

  static SampleDays read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return new SampleDays(day(properties, "first-day", file), day(properties, "last-day", file));
  }

  /** How many days the sample covers. */
  int count() {
    return (int) ChronoUnit.DAYS.between(first, last) + 1;
  }

  /** The first second of the first day, in epoch seconds. */
  long startSecond() {
    return first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** The last second of the last day, in epoch seconds. */
  long endSecond() {
    return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
  }

  boolean contains(long epochSecond) {
    return epochSecond >= startSecond() && epochSecond <= endSecond();
  }

  private static LocalDate day(Properties properties, String key, Path file) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException(file + " has no " + key);
    }
    return LocalDate.parse(value.trim());
  }
}
