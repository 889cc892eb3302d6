package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.ViewSerdes;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.avro.Alert;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample through the real labeller and the aggregate topology with the shipped alert
 * settings: the fraud wave of 2026-11-19 (14:00 to 18:00 UTC, negative fraud-security posts about
 * acme) is raised at the highest severity, and nothing else is. The thresholds are the shipped
 * defaults, not tuned for this test: it prints every alert it sees.
 */
class SampleAlertsTest {
  static final Instant WAVE_FROM = Instant.parse("2026-11-19T14:00:00Z");
  static final Instant WAVE_TO = Instant.parse("2026-11-19T18:00:00Z");

  @TempDir Path stateDir;

  @Test
  void theFraudWaveIsRaisedAtTheHighestSeverityAndNothingElseIs() throws Exception {
    Properties shipped = new Properties();
    try (InputStream in = AggregateService.class.getResourceAsStream("/aggregate.properties")) {
      shipped.load(in);
    }
    ViewSettings views = ViewSettings.read(shipped::getProperty);
    AlertSettings settings = AlertSettings.read(shipped::getProperty, views::sizes);
    PipelineTopics topics =
        new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT);
    TopicWithSerdes<String, EnrichedPost> enriched = topics.enrichedPosts();

    List<Alert> alerts;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            AggregateTopology.build(enriched, ViewSerdes.of(topics), views, settings), props())) {
      TestInputTopic<String, EnrichedPost> in =
          driver.createInputTopic(
              enriched.name(),
              enriched.keySerde().serializer(),
              enriched.valueSerde().serializer());
      pipeSample(in);
      TopicWithSerdes<String, Alert> out = topics.alerts();
      alerts =
          driver
              .createOutputTopic(
                  out.name(), out.keySerde().deserializer(), out.valueSerde().deserializer())
              .readValuesToList();
    }
    alerts.forEach(a -> System.out.println(describe(a)));

    List<Alert> critical = alerts.stream().filter(a -> a.getSeverity().equals("critical")).toList();
    assertThat(critical).isNotEmpty();
    // Every critical alert is the wave: in its hours, about acme or a topic as a whole. The wave's
    // callers left on hold ("answer your phones") raise customer-service with it.
    assertThat(critical)
        .allSatisfy(
            a -> {
              assertThat(a.getWindowStart()).as(describe(a)).isBetween(WAVE_FROM, WAVE_TO);
              assertThat(a.getBrand()).as(describe(a)).isIn(null, "acme");
            });
    assertThat(critical)
        .filteredOn(a -> a.getTopic().equals("fraud-security"))
        .extracting(Alert::getView)
        .contains("topic", "brand-topic");
    // One record per spike, or two when it escalated to critical: never one per window.
    assertThat(alerts.stream().map(Alert::getId).distinct().count())
        .isGreaterThanOrEqualTo(alerts.size() / 2);
  }

  private static void pipeSample(TestInputTopic<String, EnrichedPost> in) throws Exception {
    Labeller labeller = Labeller.create(LabellerSettings.defaults());
    PostParser parser =
        new PostParser(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    try (InputStream sample = EarshotLocal.class.getResourceAsStream(EarshotLocal.SAMPLE_RESOURCE);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(sample, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (parser.parse(line, "sample") instanceof PostParser.Valid valid) {
          EnrichedPost post = labeller.enrich(valid.post());
          in.pipeInput(
              valid.post().getPlatform() + ":" + valid.post().getId(),
              post,
              valid.post().getCreatedAt());
        }
      }
    }
  }

  private Properties props() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sample-alerts-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return props;
  }

  private static String describe(Alert a) {
    return String.format(
        "%s %s %s %s/%s %s value %.2f baseline %.2f z %.1f posts %d neg %d",
        a.getSeverity(),
        a.getKind(),
        a.getView(),
        a.getBrand(),
        a.getTopic(),
        a.getWindowStart(),
        a.getValue(),
        a.getBaseline(),
        a.getZ(),
        a.getPosts(),
        a.getNegative());
  }
}
