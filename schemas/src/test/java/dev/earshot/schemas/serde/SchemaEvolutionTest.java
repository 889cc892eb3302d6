package dev.earshot.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.avro.RawPost;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.registry.IncompatibleSchemaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution of RawPost against the in-memory registry: a v2 with one extra optional field,
 * read by code built with v1 and vice versa.
 */
class SchemaEvolutionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "posts.raw";
  private static final String SUBJECT = "posts.raw-value";
  private static final Schema V1 = RawPost.getClassSchema();

  /** v1 plus {@code title: ["null","string"] = null}, placed mid-record so only names can match. */
  private static final Schema V2 =
      withFieldAfter(
          V1,
          "text",
          JSON.createObjectNode()
              .put("name", "title")
              .<ObjectNode>set("type", JSON.createArrayNode().add("null").add("string"))
              .set("default", JSON.nullNode()));

  /** v2 plus a required field with no default: v2 data cannot be read with it. */
  private static final Schema V3 =
      withFieldAfter(V2, "origin", JSON.createObjectNode().put("name", "reach").put("type", "int"));

  private InMemorySchemaRegistryClient registry;

  @BeforeEach
  void setUp() {
    registry = new InMemorySchemaRegistryClient();
    registry.setCompatibility(SUBJECT, "BACKWARD");
  }

  @Test
  void shouldBuildV2WithOneExtraOptionalField() {
    assertThat(V2.getFields()).hasSize(V1.getFields().size() + 1);
    Schema.Field title = V2.getField("title");
    assertThat(title.schema().getTypes())
        .extracting(Schema::getType)
        .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
    assertThat(title.hasDefaultValue()).isTrue();
    assertThat(title.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
  }

  @Test
  void shouldReadRecordWrittenWithV2IntoV1ClassIgnoringExtraField() {
    registry.register(SUBJECT, V1);
    int v2Id = registry.register(SUBJECT, V2);
    GenericRecord written = v2Record(TestPosts.full(), "Espresso machine review");

    RawPost read =
        new AvroDeserializer<>(registry, RawPost.class).deserialize(TOPIC, wire(v2Id, written));

    assertThat(read).isEqualTo(TestPosts.full());
  }

  @Test
  void shouldReadRecordWrittenWithV2WithoutOptionalFieldsIntoV1Class() {
    int v2Id = registry.register(SUBJECT, V2);
    GenericRecord written = v2Record(TestPosts.minimal(), null);

    RawPost read =
        new AvroDeserializer<>(registry, RawPost.class).deserialize(TOPIC, wire(v2Id, written));

    assertThat(read).isEqualTo(TestPosts.minimal());
  }

  @Test
  void shouldReadRecordWrittenWithV1UsingV2ReaderWithNewFieldNull() throws IOException {
    byte[] bytes =
        new AvroSerializer<RawPost>(registry, SerdeConfig.DEFAULT, false)
            .serialize(TOPIC, TestPosts.full());
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    assertThat(buffer.get()).isZero();
    Schema writer = registry.getById(buffer.getInt());
    assertThat(writer).isEqualTo(V1);

    GenericRecord read =
        new GenericDatumReader<GenericRecord>(writer, V2)
            .read(
                null,
                DecoderFactory.get()
                    .binaryDecoder(bytes, buffer.position(), buffer.remaining(), null));

    assertThat(read.getSchema()).isEqualTo(V2);
    assertThat(read.get("title")).isNull();
    assertThat(read.get("id").toString()).isEqualTo("1790000000000000001");
    assertThat(read.get("text").toString()).isEqualTo(TestPosts.full().getText());
    assertThat(read.get("created_at")).isEqualTo(TestPosts.CREATED.toEpochMilli());
    assertThat(((GenericRecord) read.get("author")).get("handle").toString()).isEqualTo("@barista");
    assertThat(((GenericRecord) read.get("metrics")).get("views")).isEqualTo(1_000_000L);
    assertThat(read.get("origin").toString()).isEqualTo("file:posts.jsonl:42");
  }

  @Test
  void shouldRegisterV2UnderSameSubjectWhenBackwardCompatible() {
    int v1Id = registry.register(SUBJECT, V1);

    assertThat(registry.isCompatible(SUBJECT, V2)).isTrue();
    int v2Id = registry.register(SUBJECT, V2);

    assertThat(v2Id).isNotEqualTo(v1Id);
    assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
    assertThat(registry.latest(SUBJECT))
        .hasValueSatisfying(
            latest -> {
              assertThat(latest.id()).isEqualTo(v2Id);
              assertThat(latest.version()).isEqualTo(2);
              assertThat(latest.schema()).isEqualTo(V2);
            });
    assertThat(registry.getById(v2Id)).isEqualTo(V2);
  }

  @Test
  void shouldRejectV3WithRequiredFieldWithoutDefaultUnderBackward() {
    registry.register(SUBJECT, V1);
    registry.register(SUBJECT, V2);

    assertThat(registry.isCompatible(SUBJECT, V3)).isFalse();
    assertThatThrownBy(() -> registry.register(SUBJECT, V3))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining(SUBJECT);
    assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
    assertThat(registry.latest(SUBJECT)).map(l -> l.schema()).contains(V2);
  }

  @Test
  void shouldAcceptV3WhenCompatibilityIsNone() {
    registry.register(SUBJECT, V2);
    registry.setCompatibility(SUBJECT, "NONE");

    registry.register(SUBJECT, V3);

    assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
  }

  /** The v1 post as a v2 generic record; logical types are written as their raw longs. */
  private static GenericRecord v2Record(RawPost post, String title) {
    GenericRecord record = new GenericData.Record(V2);
    record.put("id", post.getId());
    record.put("platform", post.getPlatform());
    record.put("text", post.getText());
    record.put("title", title);
    record.put("created_at", post.getCreatedAt().toEpochMilli());
    if (post.getAuthor() != null) {
      GenericRecord author = new GenericData.Record(nonNull(V2.getField("author").schema()));
      author.put("id", post.getAuthor().getId());
      author.put("handle", post.getAuthor().getHandle());
      author.put("followers", post.getAuthor().getFollowers());
      author.put("bio", post.getAuthor().getBio());
      record.put("author", author);
    }
    record.put("lang", post.getLang());
    record.put("url", post.getUrl());
    record.put("thread_id", post.getThreadId());
    record.put("parent_id", post.getParentId());
    if (post.getMetrics() != null) {
      GenericRecord metrics = new GenericData.Record(nonNull(V2.getField("metrics").schema()));
      metrics.put("likes", post.getMetrics().getLikes());
      metrics.put("shares", post.getMetrics().getShares());
      metrics.put("replies", post.getMetrics().getReplies());
      metrics.put("views", post.getMetrics().getViews());
      record.put("metrics", metrics);
    }
    record.put("ingested_at", post.getIngestedAt().toEpochMilli());
    record.put("origin", post.getOrigin());
    return record;
  }

  /** Confluent wire format by hand: magic 0, big-endian id, Avro binary. */
  private static byte[] wire(int id, GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Schema nonNull(Schema union) {
    return union.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }

  private static Schema withFieldAfter(Schema schema, String after, ObjectNode field) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
      ArrayNode fields = (ArrayNode) json.get("fields");
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).path("name").asText().equals(after)) {
          fields.insert(i + 1, field);
          return new Schema.Parser().parse(json.toString());
        }
      }
      throw new IllegalArgumentException("no field " + after);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
