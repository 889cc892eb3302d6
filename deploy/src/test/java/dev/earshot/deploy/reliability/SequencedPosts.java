package dev.earshot.deploy.reliability;

import dev.earshot.avro.Author;
import dev.earshot.avro.RawPost;
import dev.earshot.ingest.PostPublisher;
import dev.earshot.schemas.PostParser;
import dev.earshot.service.Registry;
import dev.earshot.service.ServiceConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The suite's generator, after Kafka's own Streams system tests: posts numbered 0..n-1 ({@code
 * gen:seq-0000042}), published through ingest's own publisher at a steady rate from a background
 * thread, each with a distinct event time, with texts that cover many audience x topic cells. The
 * verifier does not trust the generator's count: it reads what Kafka committed.
 */
final class SequencedPosts implements AutoCloseable {
  static final String PLATFORM = "gen";

  /** Event time between two posts, at most: 9,000 posts span a day of hourly windows. */
  static final long MAX_STEP_MILLIS = 10_000;

  /** Event times run from three days back, and stay in the past however many posts are sent. */
  private static final Duration SPAN = Duration.ofDays(3).minusHours(1);

  private final List<String> texts;
  private final PostPublisher publisher;
  private final Instant base;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private Thread thread;

  SequencedPosts(String bootstrapServers, String registryUrl) {
    this.texts = texts();
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "schema.registry.url", registryUrl));
    this.publisher =
        new PostPublisher(
            config.withPrefix(ServiceConfig.KAFKA_PREFIX),
            Registry.topics(config).rawPosts(),
            new SimpleMeterRegistry());
    // Event times start three days back: a long run stays inside aggregate's grace (7 days) and
    // before now.
    this.base = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
  }

  static RawPost post(long seq, List<String> texts, Instant base, long stepMillis) {
    return RawPost.newBuilder()
        .setId(String.format("seq-%07d", seq))
        .setPlatform(PLATFORM)
        .setText(texts.get((int) (seq % texts.size())))
        .setCreatedAt(base.plusMillis(stepMillis * seq))
        .setAuthor(new Author("a" + seq % 97, "user" + seq % 97, seq % 1000, null))
        .setIngestedAt(Instant.now())
        .setOrigin("reliability")
        .build();
  }

  /** Starts publishing posts {@code 0..count-1} at {@code perSecond}. */
  SequencedPosts start(long count, int perSecond) {
    long step = Math.min(MAX_STEP_MILLIS, SPAN.toMillis() / count);
    thread =
        new Thread(
            () -> {
              long started = System.nanoTime();
              for (long seq = 0; seq < count; seq++) {
                publisher
                    .publish(post(seq, texts, base, step))
                    .whenComplete(
                        (ok, e) -> {
                          if (e != null) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                          }
                        });
                sent.incrementAndGet();
                long due = started + (seq + 1) * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                  try {
                    Thread.sleep(wait / 1_000_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              }
              publisher.flush();
            },
            "sequenced-posts");
    thread.start();
    return this;
  }

  /** Posts sent to Kafka so far (acknowledged or not). */
  long sent() {
    return sent.get();
  }

  /** Waits for the last post to be acknowledged; throws if any send failed. */
  void awaitDone(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      throw new IllegalStateException("generator not done within " + timeout);
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " sends failed", firstFailure.get());
    }
  }

  private static List<String> texts() {
    PostParser parser = new PostParser(Clock.systemUTC());
    List<String> texts = new ArrayList<>();
    try (InputStream in = SequencedPosts.class.getResourceAsStream("/it/posts.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (parser.parse(line, "it") instanceof PostParser.Valid valid) {
          texts.add(valid.post().getText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
    publisher.close();
  }
}
