package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.TaxonomyDocument;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import dev.earshot.schemas.serde.AvroDeserializer;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.tools.TaxonomyPublisher;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A taxonomy published to the taxonomy topic reaches the running enrichers without a restart, and a
 * broken one that bypassed the check is refused while the last good version stays in use.
 */
@ExtendWith(SharedStack.class)
class TaxonomyPublishIT {
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(120);
  private final LocalStack stack = SharedStack.stack();
  private final StackProbe probe = new StackProbe(stack.bootstrapServers());

  @Test
  void enrichersSwitchToAPublishedTaxonomyWithoutARestartAndRefuseABrokenOne() throws Exception {
    double rejectedBefore = rejected();
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl()));
    PipelineTopics topics = new PipelineTopics(registry, SerdeConfig.DEFAULT);
    Map<String, String> kafka = Map.of("bootstrap.servers", stack.bootstrapServers());

    // The default taxonomy plus one topic, as an analyst would edit it.
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode rules;
    try (InputStream in = Taxonomy.class.getResourceAsStream(TaxonomyParser.DEFAULT_RESOURCE)) {
      rules = (ObjectNode) yaml.readTree(in);
    }
    rules.put("version", "it-2");
    ((ObjectNode) rules.path("topics")).putObject("zebra-talk").putArray("phrases").add("zebra");
    String version =
        TaxonomyPublisher.publish(
            kafka,
            topics.taxonomy(),
            "default",
            yaml.writeValueAsString(rules),
            "it",
            "PipelineIT",
            Clock.systemUTC());

    String post =
        "{\"id\":\"zebra-%d\",\"platform\":\"forum\",\"text\":\"Saw a zebra at the zoo\","
            + "\"created_at\":\"2026-11-19T17:00:00Z\"}";
    await()
        .atMost(PROCESSING_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              // Posted until one is labelled with the new version: the switch is asynchronous.
              String id = "zebra-" + System.nanoTime();
              post(stack.ingestUrl() + "/api/v1/posts", post.replace("zebra-%d", id));
              EnrichedPost labelled = awaitEnriched("forum:" + id);
              assertThat(labelled.getTaxonomyVersion()).isEqualTo(version);
              assertThat(labelled.getTopics()).containsExactly("zebra-talk");
            });

    // A broken version that bypassed the check reaches the topic: the enrichers refuse it.
    Properties props = new Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    try (KafkaProducer<String, TaxonomyDocument> producer =
        new KafkaProducer<>(
            props,
            topics.taxonomy().keySerde().serializer(),
            topics.taxonomy().valueSerde().serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.TAXONOMY,
                  "default",
                  new TaxonomyDocument("default", "version: [", Instant.now(), "PipelineIT")))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(rejected()).isEqualTo(rejectedBefore + 1));
    String id = "zebra-after-broken";
    assertThat(post(stack.ingestUrl() + "/api/v1/posts", post.replace("zebra-%d", id)).statusCode())
        .isEqualTo(202);
    assertThat(awaitEnriched("forum:" + id).getTaxonomyVersion()).isEqualTo(version);
  }

  private double rejected() throws Exception {
    return probe.metric(stack.enrichUrl(), "earshot_enrich_taxonomy_rejected_total", "");
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return probe.post(url, HttpRequest.BodyPublishers.ofString(body));
  }

  /** The enriched record for a post key, once it is on posts.enriched. */
  private EnrichedPost awaitEnriched(String key) {
    AvroDeserializer<EnrichedPost> reader =
        new AvroDeserializer<>(
            new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl())),
            EnrichedPost.class);
    EnrichedPost[] found = new EnrichedPost[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (ConsumerRecord<byte[], byte[]> r : probe.readAll(Topics.POSTS_ENRICHED)) {
                if (key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                  found[0] = reader.deserialize(Topics.POSTS_ENRICHED, r.value());
                }
              }
              assertThat(found[0]).as("enriched %s", key).isNotNull();
            });
    return found[0];
  }
}
