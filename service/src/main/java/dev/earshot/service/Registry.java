package dev.earshot.service;

import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds the pipeline's topics and serdes from a service's configuration. */
public final class Registry {
  /** The registry and serde keys of the configuration, as the serdes expect them. */
  public static Map<String, String> serdeProps(ServiceConfig config) {
    Map<String, String> props = new HashMap<>();
    config.withPrefix("schema.registry.").forEach((k, v) -> props.put("schema.registry." + k, v));
    for (String key :
        new String[] {
          RegistryConfig.USER_INFO,
          SerdeConfig.AUTO_REGISTER,
          SerdeConfig.KEY_STRATEGY,
          SerdeConfig.VALUE_STRATEGY
        }) {
      String value = config.get(key, null);
      if (value != null) {
        props.put(key, value);
      }
    }
    return props;
  }

  public static PipelineTopics topics(ServiceConfig config) {
    Map<String, String> props = serdeProps(config);
    return new PipelineTopics(
        new RestSchemaRegistryClient(RegistryConfig.fromMap(props)), SerdeConfig.fromMap(props));
  }

  /**
   * A client for health checks: the same registry, credentials and trust store, but no retries and
   * a short timeout, so a check says "down" in seconds rather than after every retry.
   */
  public static SchemaRegistryClient healthClient(ServiceConfig config, Duration timeout) {
    Map<String, String> props = serdeProps(config);
    props.put(RegistryConfig.RETRIES, "0");
    props.put(RegistryConfig.REQUEST_TIMEOUT_MS, Long.toString(timeout.toMillis()));
    return new RestSchemaRegistryClient(RegistryConfig.fromMap(props));
  }

  private Registry() {}
}
