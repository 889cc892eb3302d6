package dev.earshot.deploy;

import dev.earshot.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Test helpers: a later version of a schema, and generic Confluent-wire-format read/write. */
final class SchemaEvolution {
  /** Generic data that writes java.time.Instant as timestamp-millis, as generated classes do. */
  private static final GenericData WITH_TIMESTAMPS = new GenericData();

  static {
    WITH_TIMESTAMPS.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
  }

  /** {@code base} with one more field, optional (["null","string"], default null), at the end. */
  static Schema withOptionalField(Schema base, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : base.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field(
            name,
            Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
            "added in v2",
            Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
  }

  /** {@code base} with one more required field without default: not backward compatible. */
  static Schema withRequiredField(Schema base, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : base.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(new Schema.Field(name, Schema.create(Schema.Type.INT), "no default", null));
    return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
  }

  static byte[] write(int schemaId, GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0);
      out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(record.getSchema(), WITH_TIMESTAMPS)
          .write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads wire-format bytes with the writer schema from the registry and the given reader. */
  static GenericRecord read(SchemaRegistryClient registry, byte[] bytes, Schema reader) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (buffer.get() != 0) {
      throw new IllegalArgumentException("not wire format");
    }
    Schema writer = registry.getById(buffer.getInt());
    try {
      return new GenericDatumReader<GenericRecord>(writer, reader)
          .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SchemaEvolution() {}
}
