package dev.earshot.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;

/** Reading typed values from configuration keys, with the key named in every refusal. */
public final class ConfigValues {
  private ConfigValues() {}

  /** The stripped value of a key read through {@code get(key, fallback)}; refused when unset. */
  public static String required(BiFunction<String, String, String> get, String key) {
    String value = get.apply(key, null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is not set");
    }
    return value.strip();
  }

  /** An ISO-8601 duration ({@code PT10M}, {@code P7D}). */
  public static Duration duration(String key, String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " '" + value + "' is not an ISO-8601 duration (PT10M, P7D)", e);
    }
  }
}
