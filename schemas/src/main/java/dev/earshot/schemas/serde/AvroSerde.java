package dev.earshot.schemas.serde;

import dev.earshot.schemas.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Builds registry-backed Avro serdes for Kafka Streams. */
public final class AvroSerde {
  public static <T extends SpecificRecord> Serde<T> of(
      SchemaRegistryClient client, SerdeConfig config, Class<T> type, boolean isKey) {
    return Serdes.serdeFrom(
        new AvroSerializer<>(client, config, isKey), new AvroDeserializer<>(client, type));
  }

  private AvroSerde() {}
}
