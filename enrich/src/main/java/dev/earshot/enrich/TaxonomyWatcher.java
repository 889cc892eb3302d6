package dev.earshot.enrich;

import dev.earshot.avro.TaxonomyDocument;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.service.EarshotCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted taxonomy topic and hands each new valid version of the taxonomy it is told
 * to follow to the labeller, without a restart. A version that does not parse is refused with its
 * line and reason (logged and counted); the running version stays.
 *
 * <p>Every enricher instance reads the whole topic (one partition, no consumer group), so all
 * instances converge on the same latest version.
 */
public final class TaxonomyWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TaxonomyWatcher.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, TaxonomyDocument> consumer;
  private final TopicPartition partition;
  private final String name;
  private final Consumer<Taxonomy> use;
  private final Supplier<String> versionInUse;
  private final TextAnalyzer analyzer = new TextAnalyzer();
  private final MeterRegistry metrics;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param kafka Kafka client settings (bootstrap servers, security)
   * @param name the taxonomy name to follow; documents with other names are ignored
   * @param use takes each new valid version into use (the labeller's {@code use})
   * @param versionInUse the version of the taxonomy in use, for the logs
   */
  public TaxonomyWatcher(
      Map<String, String> kafka,
      TopicWithSerdes<String, TaxonomyDocument> topic,
      String name,
      Consumer<Taxonomy> use,
      Supplier<String> versionInUse,
      MeterRegistry metrics) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // Streams-only keys in the shared kafka.* settings mean nothing to a plain consumer.
    props.keySet().removeIf(k -> !ConsumerConfig.configNames().contains(k));
    this.consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    this.partition = new TopicPartition(topic.name(), 0);
    this.name = name;
    this.use = use;
    this.versionInUse = versionInUse;
    this.metrics = metrics;
    this.thread = new Thread(this::follow, "taxonomy-watcher");
    this.thread.setDaemon(true);
  }

  /**
   * Reads the topic up to its current end (bounded by {@code timeout}), applies the latest valid
   * version, then keeps following it in the background.
   */
  public void start(Duration timeout) {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
    Instant deadline = Instant.now().plus(timeout);
    while (consumer.position(partition, timeout) < end) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "could not read the taxonomy topic to its end within " + timeout);
      }
      consumer.poll(POLL).forEach(this::apply);
    }
    log.info("taxonomy in use: {}", versionInUse.get());
    thread.start();
  }

  private void follow() {
    try {
      while (running) {
        consumer.poll(POLL).forEach(this::apply);
      }
    } catch (WakeupException closing) {
      // close() was called
    } catch (RuntimeException e) {
      log.error("taxonomy watcher stopped; the current taxonomy stays in use", e);
      EarshotCounter.TAXONOMY_WATCHER_FAILURES.in(metrics).increment();
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, TaxonomyDocument> record) {
    TaxonomyDocument doc = record.value();
    if (doc == null || !name.equals(doc.getName())) {
      return;
    }
    String source = "taxonomy topic offset " + record.offset();
    try {
      Taxonomy taxonomy = TaxonomyParser.parse(doc.getYaml(), source, analyzer);
      use.accept(taxonomy);
      EarshotCounter.TAXONOMY_UPDATES.in(metrics).increment();
      log.info(
          "taxonomy {} published at {} by {} is now in use",
          taxonomy.version(),
          doc.getPublishedAt(),
          doc.getPublishedBy());
    } catch (RuntimeException e) {
      // A TaxonomyException names the line and reason; anything else the parser or the switch
      // throws is a refusal too, never the end of the watcher (the record stays on the compacted
      // topic, so it would stop every restart as well).
      EarshotCounter.TAXONOMY_REJECTED.in(metrics).increment();
      log.error(
          "refused taxonomy from {}: {}; still using {}",
          source,
          e.getMessage(),
          versionInUse.get());
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close(); // start() never got as far as the background thread
      return;
    }
    if (!thread.isAlive()) {
      return; // it ended on an error and closed the consumer on its way out
    }
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
