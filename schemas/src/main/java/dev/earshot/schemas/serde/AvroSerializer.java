package dev.earshot.schemas.serde;

import dev.earshot.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format, registering (or looking up) the schema
 * under the subject its {@link SubjectNameStrategy} names. Usable from Kafka Streams (constructed
 * with a client) and from plain producers (configured by class name with {@code
 * schema.registry.url}). Registry outages surface as {@link
 * dev.earshot.schemas.registry.SchemaRegistryUnavailableException} so that callers stall.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
  private SchemaRegistryClient client;
  private SerdeConfig config;
  private boolean isKey;
  // Writers are stateless once built; building one per record was a measurable cost.
  private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

  static {
    GeneratedAvroClasses.trust();
  }

  /** For configuration by class name; {@link #configure} must be called. */
  public AvroSerializer() {}

  public AvroSerializer(SchemaRegistryClient client, SerdeConfig config, boolean isKey) {
    this.client = client;
    this.config = config;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (config == null) {
      config = SerdeConfig.fromMap(configs);
    }
    if (client == null) {
      client = SerdeConfig.clientFrom(configs);
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    Schema schema = record.getSchema();
    String subject = config.strategy(isKey).subject(topic, isKey, schema);
    int id =
        config.autoRegister()
            ? client.register(subject, schema)
            : client
                .lookup(subject, schema)
                .orElseThrow(
                    () ->
                        new SerializationException(
                            "schema " + schema.getFullName() + " not registered under " + subject))
                .id();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(WireFormat.header(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot write " + schema.getFullName() + " for " + topic, e);
    }
  }
}
