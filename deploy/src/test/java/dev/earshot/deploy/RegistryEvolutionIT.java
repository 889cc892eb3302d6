package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.registry.IncompatibleSchemaException;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import dev.earshot.schemas.serde.AvroDeserializer;
import dev.earshot.schemas.serde.AvroSerializer;
import dev.earshot.schemas.serde.SerdeConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records written with either version of a schema are read through the real registry, by the serdes
 * the services use; an incompatible version is refused. Needs only the broker and registry of the
 * shared stack, and a topic of its own.
 */
@ExtendWith(SharedStack.class)
class RegistryEvolutionIT {
  private final LocalStack stack = SharedStack.stack();

  @Test
  void recordsWrittenWithEitherSchemaVersionAreReadThroughTheRealRegistry() throws Exception {
    String topic = "schema-evolution-it";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl()));
    Schema v1 = RawPost.getClassSchema();
    Schema v2 = SchemaEvolution.withOptionalField(v1, "title");
    String subject = topic + "-value";

    // v1 through the serializer the services use; v2 registered as a second version.
    AvroSerializer<RawPost> v1Writer = new AvroSerializer<>(registry, SerdeConfig.DEFAULT, false);
    RawPost old = samplePost("evo-1");
    byte[] writtenWithV1 = v1Writer.serialize(topic, old);
    int v2Id = registry.register(subject, v2);
    assertThat(registry.versions(subject)).containsExactly(1, 2);
    GenericRecord newer = new GenericData.Record(v2);
    RawPost newerFields = samplePost("evo-2");
    for (Schema.Field f : v1.getFields()) {
      newer.put(f.name(), GenericData.get().deepCopy(f.schema(), newerFields.get(f.pos())));
    }
    newer.put("title", "a title only v2 knows");
    byte[] writtenWithV2 = SchemaEvolution.write(v2Id, newer);

    // Both go through the real broker.
    Properties props = new Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, writtenWithV1)).get();
      producer.send(new ProducerRecord<>(topic, writtenWithV2)).get();
    }
    List<ConsumerRecord<byte[], byte[]>> records =
        StackProbe.readCommitted(stack.bootstrapServers(), topic);
    assertThat(records).hasSize(2);

    // A v1 reader (the generated class) reads both; the v2-only field is ignored.
    AvroDeserializer<RawPost> v1Reader = new AvroDeserializer<>(registry, RawPost.class);
    assertThat(v1Reader.deserialize(topic, records.get(0).value())).isEqualTo(old);
    assertThat(v1Reader.deserialize(topic, records.get(1).value())).isEqualTo(newerFields);

    // A v2 reader reads both; records written with v1 get the new field's default.
    GenericRecord oldAsV2 = SchemaEvolution.read(registry, records.get(0).value(), v2);
    GenericRecord newAsV2 = SchemaEvolution.read(registry, records.get(1).value(), v2);
    assertThat(oldAsV2.get("title")).isNull();
    assertThat(oldAsV2.get("id").toString()).isEqualTo("evo-1");
    assertThat(newAsV2.get("title").toString()).isEqualTo("a title only v2 knows");
    assertThat(newAsV2.get("id").toString()).isEqualTo("evo-2");

    // Apicurio answers HTTP 409 (error_code 409, not Confluent's 40901): still recognised.
    assertThat(registry.isCompatible(subject, SchemaEvolution.withRequiredField(v2, "n")))
        .isFalse();
    assertThatThrownBy(() -> registry.register(subject, SchemaEvolution.withRequiredField(v2, "n")))
        .isInstanceOf(IncompatibleSchemaException.class);
    assertThat(registry.compatibility(null)).isEqualTo("BACKWARD");
  }

  private static RawPost samplePost(String id) {
    return RawPost.newBuilder()
        .setId(id)
        .setPlatform("twitter")
        .setText("schema evolution " + id)
        .setCreatedAt(Instant.parse("2026-11-16T10:00:00Z"))
        .setIngestedAt(Instant.parse("2026-11-16T10:00:01Z"))
        .setOrigin("test")
        .build();
  }
}
