package dev.earshot.ingest;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.Topics;
import dev.earshot.service.HttpSettings;
import dev.earshot.service.Metrics;
import dev.earshot.service.QuietLog;
import dev.earshot.service.Registry;
import dev.earshot.service.RunningService;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceHttp;
import dev.earshot.service.ServiceMain;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Ingest as a service: {@code POST /api/v1/posts} takes one post (DOMAIN.md format) and answers 202
 * once Kafka has it, or 400 naming the field (the post also goes to ingest.dlq); JSONL files are
 * replayed through the same parser and publisher.
 */
public final class IngestService implements RunningService {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);

  static final String POSTS_PATH = "/api/v1/posts";

  /** The largest body {@code POST /api/v1/posts} reads, however it is sent. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private final PostParser parser;
  private final PostPublisher publisher;
  private final IngestReadiness readiness;
  private final ServiceHttp http;
  private final Duration ackTimeout;
  private final QuietLog notStored = new QuietLog(log, Duration.ofSeconds(10));

  private IngestService(
      PostParser parser,
      PostPublisher publisher,
      IngestReadiness readiness,
      ServiceHttp http,
      Duration ackTimeout) {
    this.parser = parser;
    this.publisher = publisher;
    this.readiness = readiness;
    this.http = http;
    this.ackTimeout = ackTimeout;
  }

  public static IngestService start(ServiceConfig config) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry("ingest");
    PostParser parser = new PostParser(Clock.systemUTC());
    Map<String, String> kafka = config.withPrefix(ServiceConfig.KAFKA_PREFIX);
    PostPublisher publisher = new PostPublisher(kafka, Registry.topics(config).rawPosts(), metrics);
    Duration checkTimeout = Duration.ofMillis(config.getLong("ingest.ready.timeout.ms"));
    IngestReadiness readiness =
        new IngestReadiness(
                kafka, Registry.healthClient(config, checkTimeout), checkTimeout, metrics)
            .start(Duration.ofMillis(config.getLong("ingest.ready.interval.ms")));
    ServiceHttp http =
        new ServiceHttp(
                HttpSettings.from(config), metrics, readiness::isReady, () -> status(readiness))
            .protect(POSTS_PATH, "ingest");
    IngestService service =
        new IngestService(
            parser,
            publisher,
            readiness,
            http,
            Duration.ofMillis(config.getLong("ingest.ack.timeout.ms")));
    http.routes(routes -> routes.post(POSTS_PATH, service::post));
    http.start();
    return service;
  }

  private static Map<String, Object> status(IngestReadiness readiness) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("service", "ingest");
    status.put("state", readiness.isReady() ? "RUNNING" : "NOT_READY");
    if (!readiness.isReady()) {
      status.put("problem", readiness.problem());
    }
    return status;
  }

  private void post(Context ctx) throws IOException {
    if (!readiness.isReady()) {
      unavailable(ctx, "not ready: " + readiness.problem());
      return;
    }
    RequestBody body =
        RequestBody.read(
            ctx.req().getInputStream(),
            ctx.req().getContentLengthLong(),
            MAX_BODY_BYTES,
            DeadLetter.MAX_PAYLOAD_BYTES);
    if (body.tooLarge()) {
      // The rest of the body stays unread: close the connection after the answer rather than
      // have the server read (and wait for) the remainder to keep the connection alive.
      ctx.header("Connection", "close");
      refuse(
          ctx,
          413,
          body,
          new PostParser.Invalid(
              "$", "the body is larger than " + MAX_BODY_BYTES + " bytes, the most a post may be"));
      return;
    }
    PostParser.Result result = parser.parse(body.bytes(), "http");
    if (result instanceof PostParser.Invalid invalid) {
      refuse(ctx, 400, body, invalid);
      return;
    }
    RawPost post = ((PostParser.Valid) result).post();
    if (stored(ctx, () -> publisher.publish(post))) {
      ctx.status(202).json(Map.of("key", PostKeys.of(post.getPlatform(), post.getId())));
    }
  }

  /**
   * Answers 4xx naming the field, once the input is in ingest.dlq; if even the dead letter cannot
   * be stored, 503, so the client sends it again and nothing is lost.
   */
  private void refuse(Context ctx, int status, RequestBody body, PostParser.Invalid why) {
    if (stored(ctx, () -> publisher.reject(body.bytes(), body.seenBytes(), "http", why))) {
      Map<String, String> error = new LinkedHashMap<>();
      error.put("error", why.reason());
      error.put("field", why.field());
      ctx.status(status).json(error);
    }
  }

  /** Waits for Kafka's acknowledgement; answers 503 (one log line, no stack) if it fails. */
  private boolean stored(Context ctx, Supplier<CompletableFuture<RecordMetadata>> send) {
    try {
      send.get().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      notStored.warn("a post was not stored", e.getCause());
      unavailable(ctx, "not stored: " + e.getCause());
    } catch (TimeoutException e) {
      notStored.warn("a post was not stored", e);
      unavailable(ctx, "not stored: Kafka did not acknowledge within " + ackTimeout);
    } catch (RuntimeException e) {
      notStored.warn("a post was not stored", e);
      unavailable(ctx, "not stored: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx, "interrupted");
    }
    return false;
  }

  private static void unavailable(Context ctx, String why) {
    ctx.status(503).header("Retry-After", "5").json(Map.of("error", why));
  }

  /** Replays a JSONL file through the same parser and publisher as HTTP. */
  public JsonlReplay.Summary replay(InputStream in, String name) throws IOException {
    return new JsonlReplay(parser, publisher).replay(in, name);
  }

  @Override
  public String baseUrl() {
    return http.baseUrl();
  }

  @Override
  public void close() {
    http.close();
    readiness.close();
    publisher.close();
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      versionProvider = ServiceMain.Version.class,
      description = "Accepts posts over HTTP and replays JSONL files into posts.raw.")
  static final class Cli implements java.util.concurrent.Callable<Integer> {
    @Mixin ServiceMain.ConfigOption config;

    @Option(names = "--replay", description = "JSONL file of posts to publish at start.")
    Path replay;

    @Option(names = "--once", description = "Exit after the replay instead of serving HTTP.")
    boolean once;

    @Override
    public Integer call() throws IOException {
      IngestService service = start(config.load("ingest"));
      if (replay != null) {
        try (InputStream in = Files.newInputStream(replay)) {
          JsonlReplay.Summary summary = service.replay(in, replay.getFileName().toString());
          System.out.printf(
              "%d lines: %d published, %d refused (see %s)%n",
              summary.lines(), summary.published(), summary.rejected(), Topics.INGEST_DLQ);
        }
      }
      if (once) {
        service.close();
        return 0;
      }
      ServiceMain.runUntilStopped("ingest", service);
      return null;
    }
  }

  public static void main(String[] args) {
    ServiceMain.run(new Cli(), "ingest", args);
  }
}
