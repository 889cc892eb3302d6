package dev.earshot.schemas.serde;

import dev.earshot.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro into a specific record class. The writer schema comes from the
 * registry by id; the reader schema is the generated class's, so records written with an older or
 * newer compatible schema resolve into the class this code was built with.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private SchemaRegistryClient client;
  private Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

  static {
    GeneratedAvroClasses.trust();
  }

  /** For configuration by class name: the reader class is found from the writer's record name. */
  public AvroDeserializer() {}

  public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this.client = client;
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      client = SerdeConfig.clientFrom(configs);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    int id = WireFormat.readSchemaId(buffer);
    SpecificDatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
    try {
      BoundedDecoder decoder = new BoundedDecoder(data, buffer.position(), buffer.remaining());
      T record = reader.read(null, decoder);
      if (decoder.remaining() != 0) {
        // Two records glued together, or a payload from some other writer: not one of ours.
        throw new IOException(decoder.remaining() + " bytes left after the record");
      }
      return record;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | SecurityException e) {
      throw new SerializationException(
          "cannot read Avro record with schema id " + id + " from " + topic, e);
    }
  }

  private SpecificDatumReader<T> readerFor(int id) {
    Schema writer = client.getById(id);
    Schema reader = readerSchema;
    if (reader == null) {
      Class<?> type;
      try {
        type = SpecificData.get().getClass(writer);
      } catch (SecurityException e) {
        type = null; // a class outside the generated ones (GeneratedAvroClasses)
      }
      if (type == null) {
        throw new SerializationException("no generated class for " + writer.getFullName());
      }
      reader = SpecificData.get().getSchema(type);
    }
    return new SpecificDatumReader<>(writer, reader);
  }
}
