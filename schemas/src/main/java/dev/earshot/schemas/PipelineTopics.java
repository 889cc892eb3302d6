package dev.earshot.schemas;

import dev.earshot.avro.Alert;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.TaxonomyDocument;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import dev.earshot.schemas.serde.AvroSerde;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The pipeline's topics with their serdes, for one schema registry. Keys are plain strings
 * (readable by any consumer); values are Avro in the Confluent wire format.
 */
public final class PipelineTopics {
  private final SchemaRegistryClient registry;
  private final SerdeConfig serdeConfig;

  public PipelineTopics(SchemaRegistryClient registry, SerdeConfig serdeConfig) {
    this.registry = registry;
    this.serdeConfig = serdeConfig;
  }

  public TopicWithSerdes<String, RawPost> rawPosts() {
    return new TopicWithSerdes<>(Topics.POSTS_RAW, Serdes.String(), avro(RawPost.class));
  }

  public TopicWithSerdes<String, EnrichedPost> enrichedPosts() {
    return new TopicWithSerdes<>(Topics.POSTS_ENRICHED, Serdes.String(), avro(EnrichedPost.class));
  }

  /** A view's final windows of one size (one record per closed window). */
  public TopicWithSerdes<String, ViewWindow> viewFinal(View view, WindowSize size) {
    return new TopicWithSerdes<>(Topics.viewFinal(view, size), Serdes.String(), viewWindows());
  }

  /** A view's window updates of one size (the latest value per window, as it changes). */
  public TopicWithSerdes<String, ViewWindow> viewUpdates(View view, WindowSize size) {
    return new TopicWithSerdes<>(Topics.viewUpdates(view, size), Serdes.String(), viewWindows());
  }

  /** The value serde of every view output topic. */
  public Serde<ViewWindow> viewWindows() {
    return avro(ViewWindow.class);
  }

  /** Early warnings, keyed by the spike's id. */
  public TopicWithSerdes<String, Alert> alerts() {
    return new TopicWithSerdes<>(Topics.ALERTS, Serdes.String(), avro(Alert.class));
  }

  public TopicWithSerdes<String, TaxonomyDocument> taxonomy() {
    return new TopicWithSerdes<>(Topics.TAXONOMY, Serdes.String(), avro(TaxonomyDocument.class));
  }

  /** A value serde for any generated record, e.g. for a state store. */
  public <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
    return AvroSerde.of(registry, serdeConfig, type, false);
  }
}
