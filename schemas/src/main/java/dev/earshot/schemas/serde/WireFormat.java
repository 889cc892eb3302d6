package dev.earshot.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, then Avro binary. */
final class WireFormat {
  static final byte MAGIC = 0;
  static final int HEADER_SIZE = 5;

  static ByteBuffer header(int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).putInt(schemaId).flip();
  }

  /** The schema id, after checking the magic byte; the buffer is left at the Avro payload. */
  static int readSchemaId(ByteBuffer buffer) {
    if (buffer.remaining() < HEADER_SIZE) {
      throw new SerializationException(
          "record of " + buffer.remaining() + " bytes is too short for the Confluent wire format");
    }
    byte magic = buffer.get();
    if (magic != MAGIC) {
      throw new SerializationException(
          "unknown magic byte " + magic + ": not a Confluent-wire-format Avro record");
    }
    return buffer.getInt();
  }

  private WireFormat() {}
}
