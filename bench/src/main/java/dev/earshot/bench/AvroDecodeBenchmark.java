package dev.earshot.bench;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What reading a record costs since the deserializer checks every length against the bytes left
 * (issue 8): earshot's {@code AvroDeserializer} against Avro's own buffered decoder, which the
 * deserializer used before, on the sample posts as enrich reads them (RawPost) and as aggregate
 * reads them (EnrichedPost). One operation is one record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AvroDecodeBenchmark {
  static final int BATCH = 1_000;
  private static final int HEADER = 5; // magic byte + schema id

  private byte[][] raw;
  private byte[][] enriched;
  private Deserializer<RawPost> rawDeserializer;
  private Deserializer<EnrichedPost> enrichedDeserializer;
  private SpecificDatumReader<RawPost> rawReader;
  private SpecificDatumReader<EnrichedPost> enrichedReader;

  @Setup
  public void setUp() {
    List<RawPost> posts = BenchPosts.load();
    Labeller enricher =
        Labeller.create(LabellerSettings.defaults().withMaxTimePerPost(Duration.ZERO));
    PipelineTopics topics =
        new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT);
    var rawSerde = topics.rawPosts().valueSerde();
    var enrichedSerde = topics.enrichedPosts().valueSerde();
    raw = new byte[BATCH][];
    enriched = new byte[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      RawPost post = posts.get(i % posts.size());
      raw[i] = rawSerde.serializer().serialize("posts.raw", post);
      enriched[i] = enrichedSerde.serializer().serialize("posts.enriched", enricher.enrich(post));
    }
    rawDeserializer = rawSerde.deserializer();
    enrichedDeserializer = enrichedSerde.deserializer();
    rawReader = new SpecificDatumReader<>(RawPost.class);
    enrichedReader = new SpecificDatumReader<>(EnrichedPost.class);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawPostChecked(Blackhole out) {
    for (byte[] record : raw) {
      out.consume(rawDeserializer.deserialize("posts.raw", record));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawPostAvroBaseline(Blackhole out) throws IOException {
    for (byte[] record : raw) {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(record, HEADER, record.length - HEADER, null);
      out.consume(rawReader.read(null, decoder));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void enrichedPostChecked(Blackhole out) {
    for (byte[] record : enriched) {
      out.consume(enrichedDeserializer.deserialize("posts.enriched", record));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void enrichedPostAvroBaseline(Blackhole out) throws IOException {
    for (byte[] record : enriched) {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(record, HEADER, record.length - HEADER, null);
      out.consume(enrichedReader.read(null, decoder));
    }
  }
}
