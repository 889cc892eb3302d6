package dev.earshot.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's configuration: the defaults bundled as {@code <service>.properties} on the class
 * path, then an optional file, then environment variables, then explicit overrides (the local
 * runner's). Any key {@code a.b-c} can be set by the variable {@code EARSHOT_A_B_C}.
 *
 * <p>Keys under {@code kafka.} are handed, without the prefix, to every Kafka client and Kafka
 * Streams; keys under {@code schema.registry.} and the serde keys go to the Avro serdes.
 */
public final class ServiceConfig {
  public static final String KAFKA_PREFIX = "kafka.";
  private static final String ENV_PREFIX = "EARSHOT_";

  private final Map<String, String> values;

  private ServiceConfig(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @param service bundled defaults are read from {@code /<service>.properties}
   * @param file an extra properties file, or null
   * @param env the environment (System.getenv() in production)
   * @param overrides applied last
   */
  public static ServiceConfig load(
      String service, Path file, Map<String, String> env, Map<String, String> overrides) {
    Properties props = new Properties();
    try (InputStream in = ServiceConfig.class.getResourceAsStream("/" + service + ".properties")) {
      if (in == null) {
        throw new IllegalStateException("no bundled " + service + ".properties on the class path");
      }
      props.load(in);
      if (file != null) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          props.load(reader);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read configuration: " + e.getMessage(), e);
    }
    Map<String, String> values = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
    for (String key : Map.copyOf(values).keySet()) {
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    // Any EARSHOT_* variable that names none of the keys above adds one, its underscores read as
    // dots: a key with no bundled default (basic.auth.user.info, a trust store, any of Kafka's
    // hundreds of settings) can come from the environment, e.g. a Kubernetes Secret
    // (EARSHOT_BASIC_AUTH_USER_INFO -> basic.auth.user.info, EARSHOT_KAFKA_SESSION_TIMEOUT_MS ->
    // kafka.session.timeout.ms).
    Set<String> named = new HashSet<>();
    values.keySet().forEach(k -> named.add(envName(k)));
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)
              && name.length() > ENV_PREFIX.length()
              && !named.contains(name)) {
            values.put(
                name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                value);
          }
        });
    values.putAll(overrides);
    return new ServiceConfig(values);
  }

  public static ServiceConfig of(Map<String, String> values) {
    return new ServiceConfig(new TreeMap<>(values));
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String get(String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "missing configuration '" + key + "' (or environment variable " + envName(key) + ")");
    }
    return value;
  }

  public String get(String key, String fallback) {
    String value = values.get(key);
    return value == null || value.isEmpty() ? fallback : value;
  }

  public int getInt(String key) {
    String value = get(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration '" + key + "' must be a whole number, was '" + value + "'");
    }
  }

  public long getLong(String key) {
    String value = get(key);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration '" + key + "' must be a whole number, was '" + value + "'");
    }
  }

  /** This configuration with some keys set or replaced. */
  public ServiceConfig with(Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>(this.values);
    values.putAll(overrides);
    return new ServiceConfig(values);
  }

  /** Keys under {@code prefix}, with the prefix removed. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /** The whole configuration (it may hold credentials: do not log it as it is). */
  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
