package dev.earshot.schemas.serde;

import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import java.util.Map;

/** Serde settings, with Confluent's key names so existing client configs carry over. */
public record SerdeConfig(
    boolean autoRegister, SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy) {

  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String KEY_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_STRATEGY = "value.subject.name.strategy";

  public static final SerdeConfig DEFAULT =
      new SerdeConfig(true, SubjectNameStrategy.TOPIC_NAME, SubjectNameStrategy.TOPIC_NAME);

  public static SerdeConfig fromMap(Map<String, ?> props) {
    return new SerdeConfig(
        Boolean.parseBoolean(value(props, AUTO_REGISTER, "true")),
        SubjectNameStrategy.parse(value(props, KEY_STRATEGY, "topic")),
        SubjectNameStrategy.parse(value(props, VALUE_STRATEGY, "topic")));
  }

  private static String value(Map<String, ?> props, String key, String fallback) {
    Object v = props.get(key);
    return v == null ? fallback : v.toString();
  }

  public SubjectNameStrategy strategy(boolean isKey) {
    return isKey ? keyStrategy : valueStrategy;
  }

  /** A REST client for the registry named in the Kafka client config. */
  static SchemaRegistryClient clientFrom(Map<String, ?> props) {
    return new RestSchemaRegistryClient(RegistryConfig.fromMap(props));
  }
}
