package dev.earshot.tools;

import dev.earshot.avro.TaxonomyDocument;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.TopicWithSerdes;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Checks a rules file and publishes it to the taxonomy topic, where enrichers pick it up. */
public final class TaxonomyPublisher {
  private TaxonomyPublisher() {}

  /**
   * Parses the file first, with the enricher's own code, so a broken file is refused here with its
   * line and reason and never reaches the topic.
   *
   * @return the version the enrichers will record on the posts they label
   * @throws TaxonomyException if the file is not a valid taxonomy
   */
  public static String publish(
      Map<String, String> kafka,
      TopicWithSerdes<String, TaxonomyDocument> topic,
      String name,
      String yaml,
      String source,
      String publishedBy,
      Clock clock) {
    Taxonomy checked = TaxonomyParser.parse(yaml, source, new TextAnalyzer());
    Map<String, Object> props = new HashMap<>(kafka);
    props.keySet().removeIf(k -> !ProducerConfig.configNames().contains(k));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, TaxonomyDocument> producer =
        new KafkaProducer<>(
            props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      TaxonomyDocument doc = new TaxonomyDocument(name, yaml, clock.instant(), publishedBy);
      producer.send(new ProducerRecord<>(topic.name(), name, doc)).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted publishing the taxonomy", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish the taxonomy: " + e.getMessage(), e);
    }
    return checked.version();
  }
}
