package dev.earshot.ingest;

import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import dev.earshot.service.Metrics;
import dev.earshot.service.Registry;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceHttp;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Ingest as a service: {@code POST /api/v1/posts} takes one post (DOMAIN.md format) and answers 202
 * once Kafka has it, or 400 naming the field (the post also goes to ingest.dlq); JSONL files are
 * replayed through the same parser and publisher.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);

  private final PostParser parser;
  private final PostPublisher publisher;
  private final ServiceHttp http;

  private IngestService(PostParser parser, PostPublisher publisher, ServiceHttp http) {
    this.parser = parser;
    this.publisher = publisher;
    this.http = http;
  }

  public static IngestService start(ServiceConfig config) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry("ingest");
    PostParser parser = new PostParser(Clock.systemUTC());
    PostPublisher publisher =
        new PostPublisher(
            config.withPrefix(ServiceConfig.KAFKA_PREFIX),
            Registry.topics(config).rawPosts(),
            metrics);
    ServiceHttp http =
        new ServiceHttp(
            config.get("http.host"),
            config.getInt("http.port"),
            metrics,
            () -> true,
            () -> Map.of("service", "ingest", "state", "RUNNING"));
    IngestService service = new IngestService(parser, publisher, http);
    http.app().post("/api/v1/posts", service::post);
    http.start();
    return service;
  }

  private void post(Context ctx) {
    String body = ctx.body();
    PostParser.Result result = parser.parse(body, "http");
    if (result instanceof PostParser.Invalid invalid) {
      publisher.reject(body.getBytes(StandardCharsets.UTF_8), "http", invalid);
      Map<String, String> error = new LinkedHashMap<>();
      error.put("error", invalid.reason());
      error.put("field", invalid.field());
      ctx.status(400).json(error);
      return;
    }
    PostParser.Valid valid = (PostParser.Valid) result;
    try {
      publisher.publish(valid.post()).get(30, TimeUnit.SECONDS);
      ctx.status(202)
          .json(Map.of("key", PostKeys.of(valid.post().getPlatform(), valid.post().getId())));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.error("cannot publish post from HTTP", e);
      ctx.status(503).header("Retry-After", "5").json(Map.of("error", "not stored: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.status(503).json(Map.of("error", "interrupted"));
    }
  }

  /** Replays a JSONL file through the same parser and publisher as HTTP. */
  public JsonlReplay.Summary replay(InputStream in, String name) throws IOException {
    return new JsonlReplay(parser, publisher).replay(in, name);
  }

  public String baseUrl() {
    return http.baseUrl();
  }

  @Override
  public void close() {
    http.close();
    publisher.close();
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = "Accepts posts over HTTP and replays JSONL files into posts.raw.")
  static final class Cli implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--config", description = "Properties file overriding ingest.properties.")
    Path config;

    @Option(names = "--replay", description = "JSONL file of posts to publish at start.")
    Path replay;

    @Option(names = "--once", description = "Exit after the replay instead of serving HTTP.")
    boolean once;

    @Override
    public Integer call() throws IOException {
      IngestService service =
          start(ServiceConfig.load("ingest", config, System.getenv(), Map.of()));
      if (replay != null) {
        try (InputStream in = Files.newInputStream(replay)) {
          JsonlReplay.Summary summary = service.replay(in, replay.getFileName().toString());
          System.out.printf(
              "%d lines: %d published, %d refused (see %s)%n",
              summary.lines(), summary.published(), summary.rejected(), "ingest.dlq");
        }
      }
      if (once) {
        service.close();
        return 0;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(service::close, "ingest-shutdown"));
      log.info("ingest listening at {}/api/v1/posts", service.baseUrl());
      return null;
    }
  }

  public static void main(String[] args) {
    Integer code = new CommandLine(new Cli()).execute(args);
    if (code != null && code != 0) {
      System.exit(code);
    }
  }
}
