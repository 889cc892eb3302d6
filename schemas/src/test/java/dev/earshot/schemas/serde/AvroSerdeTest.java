package dev.earshot.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.Author;
import dev.earshot.avro.Engagement;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private static final String TOPIC = "posts.raw";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerializer<RawPost> serializer =
      new AvroSerializer<>(registry, SerdeConfig.DEFAULT, false);
  private final AvroDeserializer<RawPost> deserializer =
      new AvroDeserializer<>(registry, RawPost.class);

  @Test
  void shouldRoundTripRawPostWithAllOptionalFieldsSet() {
    RawPost post = TestPosts.full();

    RawPost back = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, post));

    assertThat(back).isEqualTo(post);
    assertThat(back.getAuthor().getFollowers()).isEqualTo(12_345L);
    assertThat(back.getMetrics().getViews()).isEqualTo(1_000_000L);
    assertThat(back.getCreatedAt()).isEqualTo(TestPosts.CREATED);
  }

  @Test
  void shouldRoundTripRawPostWithNoOptionalFieldsSet() {
    RawPost post = TestPosts.minimal();

    RawPost back = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, post));

    assertThat(back).isEqualTo(post);
    assertThat(back.getAuthor()).isNull();
    assertThat(back.getLang()).isNull();
    assertThat(back.getUrl()).isNull();
    assertThat(back.getThreadId()).isNull();
    assertThat(back.getParentId()).isNull();
    assertThat(back.getMetrics()).isNull();
  }

  @Test
  void shouldPassNullThroughAsNull() {
    assertThat(serializer.serialize(TOPIC, null)).isNull();
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldStartWithMagicByteZeroAndBigEndianIdReturnedByRegistry() throws IOException {
    // Take ids 1 and 2 so that RawPost's is neither 0 nor 1.
    registry.register("other-a", Author.getClassSchema());
    registry.register("other-b", Engagement.getClassSchema());
    RawPost post = TestPosts.full();

    byte[] bytes = serializer.serialize(TOPIC, post);

    int id = registry.register("posts.raw-value", RawPost.getClassSchema());
    assertThat(id).isEqualTo(3);
    assertThat(bytes[0]).isZero();
    assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0, 0, 0, 3);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    // The Avro binary body starts right after the 5-byte header.
    RawPost body =
        new SpecificDatumReader<>(RawPost.class)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(body).isEqualTo(post);
  }

  @Test
  void shouldWriteLargeIdsBigEndian() {
    InMemorySchemaRegistryClient big = new InMemorySchemaRegistryClient();
    for (int i = 0; i < 300; i++) {
      big.register(
          "filler-" + i, org.apache.avro.SchemaBuilder.record("Filler" + i).fields().endRecord());
    }
    byte[] bytes =
        new AvroSerializer<RawPost>(big, SerdeConfig.DEFAULT, false)
            .serialize(TOPIC, TestPosts.minimal());

    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 1, 45); // 301
    assertThat(new AvroDeserializer<>(big, RawPost.class).deserialize(TOPIC, bytes))
        .isEqualTo(TestPosts.minimal());
  }

  @Test
  void shouldRegisterUnderTopicValueSubjectByDefault() {
    serializer.serialize(TOPIC, TestPosts.minimal());

    assertThat(registry.subjects()).containsExactly("posts.raw-value");
  }

  @Test
  void shouldRegisterUnderTopicKeySubjectForKeys() {
    new AvroSerializer<RawPost>(registry, SerdeConfig.DEFAULT, true)
        .serialize(TOPIC, TestPosts.minimal());

    assertThat(registry.subjects()).containsExactly("posts.raw-key");
  }

  @Test
  void shouldRegisterUnderRecordNameWhenConfigured() {
    AvroSerializer<RawPost> configured = new AvroSerializer<>(registry, null, false);
    configured.configure(Map.of(SerdeConfig.VALUE_STRATEGY, "record"), false);

    configured.serialize(TOPIC, TestPosts.minimal());

    assertThat(registry.subjects()).containsExactly("dev.earshot.avro.RawPost");
  }

  @Test
  void shouldRegisterUnderTopicAndRecordNameWhenConfigured() {
    AvroSerializer<RawPost> configured = new AvroSerializer<>(registry, null, false);
    configured.configure(
        Map.of(
            SerdeConfig.VALUE_STRATEGY,
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
        false);

    configured.serialize(TOPIC, TestPosts.minimal());

    assertThat(registry.subjects()).containsExactly("posts.raw-dev.earshot.avro.RawPost");
  }

  @Test
  void shouldUseKeyStrategyForKeysAndValueStrategyForValues() {
    SerdeConfig config =
        SerdeConfig.fromMap(
            Map.of(
                SerdeConfig.KEY_STRATEGY,
                    "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                SerdeConfig.VALUE_STRATEGY, "topic"));

    new AvroSerializer<RawPost>(registry, config, true).serialize(TOPIC, TestPosts.minimal());
    new AvroSerializer<RawPost>(registry, config, false).serialize(TOPIC, TestPosts.minimal());

    assertThat(registry.subjects()).containsExactly("dev.earshot.avro.RawPost", "posts.raw-value");
  }

  @Test
  void shouldRejectWrongMagicByteWithClearMessage() {
    byte[] bytes = serializer.serialize(TOPIC, TestPosts.full());
    bytes[0] = 1;

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("magic byte 1");
  }

  @Test
  void shouldRejectPlainJsonAsNotWireFormat() {
    byte[] json = "{\"id\":\"1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("magic byte")
        .hasMessageContaining("not a Confluent-wire-format");
  }

  @Test
  void shouldRejectPayloadShorterThanHeaderWithClearMessage() {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes")
        .hasMessageContaining("too short");
  }

  @Test
  void shouldRejectTruncatedAvroBodyAsSerializationException() {
    byte[] bytes = serializer.serialize(TOPIC, TestPosts.full());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 1")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void shouldFailWhenAutoRegisterIsOffAndSchemaIsNotRegistered() {
    AvroSerializer<RawPost> noAutoRegister = new AvroSerializer<>(registry, null, false);
    noAutoRegister.configure(Map.of(SerdeConfig.AUTO_REGISTER, "false"), false);

    assertThatThrownBy(() -> noAutoRegister.serialize(TOPIC, TestPosts.minimal()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("dev.earshot.avro.RawPost")
        .hasMessageContaining("posts.raw-value");
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void shouldUseRegisteredIdWhenAutoRegisterIsOff() {
    registry.register("other", Author.getClassSchema());
    int id = registry.register("posts.raw-value", RawPost.getClassSchema());
    AvroSerializer<RawPost> noAutoRegister =
        new AvroSerializer<>(
            registry,
            new SerdeConfig(false, SubjectNameStrategy.TOPIC_NAME, SubjectNameStrategy.TOPIC_NAME),
            false);

    byte[] bytes = noAutoRegister.serialize(TOPIC, TestPosts.full());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id).isEqualTo(2);
    assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(TestPosts.full());
  }

  /** The schema id the serializer registered for RawPost, for hand-made records. */
  private byte[] header() {
    return Arrays.copyOf(serializer.serialize(TOPIC, TestPosts.minimal()), 5);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void shouldRefuseAStringLengthLargerThanTheRecordWithoutAllocatingIt() {
    // 11 bytes: magic, schema id, then the id field's length prefix claiming 2,147,483,639 bytes
    // (zig-zag varint of 4,294,967,278) and one byte of "content". Avro's own decoder allocates
    // the claimed 2 GB first: OutOfMemoryError, which kills a stream thread.
    byte[] record =
        concat(
            header(), new byte[] {(byte) 0xEE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 'x'});
    assertThat(record).hasSize(11);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, record))
        .isInstanceOf(SerializationException.class)
        .hasRootCauseMessage("a string claims 2147483639 bytes but the record has 1 left");
  }

  @Test
  void shouldRefuseANegativeStringLength() {
    byte[] record = concat(header(), new byte[] {0x01, 'x'}); // zig-zag 1 = -1

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, record))
        .isInstanceOf(SerializationException.class)
        .hasRootCauseMessage("a string claims -1 bytes but the record has 1 left");
  }

  @Test
  void shouldRefuseACollectionCountLargerThanTheRecord() {
    EnrichedPost post =
        EnrichedPost.newBuilder()
            .setPost(TestPosts.minimal())
            .setLang("en")
            .setSentiment(new Sentiment("neutral", 0.0, "lexicon"))
            .setAudiences(List.of("zz"))
            .setTopics(List.of())
            .setBrands(List.of())
            .setTaxonomyVersion("1")
            .setEnrichedAt(TestPosts.INGESTED)
            .build();
    AvroSerializer<EnrichedPost> out = new AvroSerializer<>(registry, SerdeConfig.DEFAULT, false);
    AvroDeserializer<EnrichedPost> in = new AvroDeserializer<>(registry, EnrichedPost.class);
    byte[] good = out.serialize("posts.enriched", post);
    // The audiences array: one block of count 1 (zig-zag 2), "zz" (length zig-zag 4), end (0).
    byte[] block = {2, 4, 'z', 'z', 0};
    int at = indexOf(good, block);
    assertThat(at).isPositive();
    // The same array claiming 1,000,000,000 items (zig-zag 2,000,000,000 as a varint).
    byte[] claim = {(byte) 0x80, (byte) 0xA8, (byte) 0xD6, (byte) 0xB9, 0x07};
    byte[] bad =
        concat(
            concat(Arrays.copyOf(good, at), claim), Arrays.copyOfRange(good, at + 1, good.length));

    assertThat(in.deserialize("posts.enriched", good)).isEqualTo(post);
    assertThatThrownBy(() -> in.deserialize("posts.enriched", bad))
        .isInstanceOf(SerializationException.class)
        .rootCause()
        .hasMessageContaining("an array claims 1000000000 items");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void shouldRefuseTrailingBytesAfterAValidRecord() {
    byte[] valid = serializer.serialize(TOPIC, TestPosts.full());
    byte[] padded = concat(valid, new byte[] {0});

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, padded))
        .isInstanceOf(SerializationException.class)
        .hasRootCauseMessage("1 bytes left after the record");
  }

  @Test
  void shouldRefuseARecordCutShort() {
    byte[] valid = serializer.serialize(TOPIC, TestPosts.full());
    byte[] cut = Arrays.copyOf(valid, valid.length - 3);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, cut))
        .isInstanceOf(SerializationException.class);
  }
}
