package dev.earshot.schemas.serde;

import java.util.Locale;
import org.apache.avro.Schema;

/** How a serializer names the registry subject a schema is registered under (as Confluent's). */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
  TOPIC_NAME,
  /** The record's full name: one lineage per record type, shared across topics. */
  RECORD_NAME,
  /** {@code <topic>-<record full name>}: several record types in one topic. */
  TOPIC_RECORD_NAME;

  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schema.getFullName();
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
    };
  }

  /**
   * Accepts {@code topic}, {@code record}, {@code topic-record}, or Confluent's class names ({@code
   * io.confluent...TopicNameStrategy}), so existing client configs keep working.
   */
  public static SubjectNameStrategy parse(String value) {
    String simple = value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (simple) {
      case "topic", "topicnamestrategy", "topic_name" -> TOPIC_NAME;
      case "record", "recordnamestrategy", "record_name" -> RECORD_NAME;
      case "topic-record", "topicrecordnamestrategy", "topic_record_name" -> TOPIC_RECORD_NAME;
      default -> throw new IllegalArgumentException("unknown subject name strategy: " + value);
    };
  }
}
