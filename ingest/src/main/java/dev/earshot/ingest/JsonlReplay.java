package dev.earshot.ingest;

import dev.earshot.schemas.PostParser;
import dev.earshot.service.QuietLog;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a JSONL file of posts: each valid line to posts.raw, each invalid one to ingest.dlq with
 * its reason and {@code file:<name>:<line>} origin; blank lines are skipped. Replaying the same
 * file again publishes the same keys: downstream deduplication keeps counts exact.
 */
public final class JsonlReplay {
  private static final Logger log = LoggerFactory.getLogger(JsonlReplay.class);

  /** What a replay did. */
  public record Summary(long lines, long published, long rejected) {}

  private final PostParser parser;
  private final PostPublisher publisher;
  // A file of a million bad lines is a million dead letters, not a million log lines.
  private final QuietLog refusedLog = new QuietLog(log, Duration.ofSeconds(10));

  public JsonlReplay(PostParser parser, PostPublisher publisher) {
    this.parser = parser;
    this.publisher = publisher;
  }

  /**
   * @throws KafkaException at the first post Kafka did not take (the replay stops: nothing after a
   *     lost post is published, so a rerun of the file, deduplicated downstream, loses nothing)
   */
  public Summary replay(InputStream in, String name) throws IOException {
    AtomicReference<Throwable> failed = new AtomicReference<>();
    BiConsumer<Object, Throwable> watch =
        (ok, e) -> {
          if (e != null) {
            failed.compareAndSet(null, e);
          }
        };
    long lines = 0;
    long published = 0;
    long rejected = 0;
    BoundedLines reader = new BoundedLines(in, IngestService.MAX_BODY_BYTES);
    BoundedLines.Line line;
    while ((line = reader.next()) != null) {
      stopIfFailed(failed, name);
      lines++;
      if (line.isBlank()) {
        continue;
      }
      String origin = "file:" + name + ":" + lines;
      PostParser.Result result =
          line.tooLong()
              ? new PostParser.Invalid(
                  "$",
                  "the line is longer than "
                      + IngestService.MAX_BODY_BYTES
                      + " bytes, the most a post may be")
              : parser.parse(line.bytes(), origin);
      if (result instanceof PostParser.Valid valid) {
        publisher.publish(valid.post()).whenComplete(watch);
        published++;
      } else if (result instanceof PostParser.Invalid invalid) {
        refusedLog.warn(origin + ": refused (" + invalid.field() + "): " + invalid.reason());
        publisher.reject(line.bytes(), line.length(), origin, invalid).whenComplete(watch);
        rejected++;
      }
    }
    publisher.flush();
    stopIfFailed(failed, name);
    Summary summary = new Summary(lines, published, rejected);
    log.info("replayed {}: {}", name, summary);
    return summary;
  }

  private static void stopIfFailed(AtomicReference<Throwable> failed, String name) {
    Throwable e = failed.get();
    if (e != null) {
      throw new KafkaException(
          "replay of " + name + " stopped: a send to Kafka failed, so nothing is skipped: " + e, e);
    }
  }
}
