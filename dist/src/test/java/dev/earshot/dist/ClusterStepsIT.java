package dev.earshot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.dist.Distribution.Launched;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Running on a real cluster", executed from the tarball, with the commands read from
 * the README ({@link ClusterSteps}): 1. unpack; 2. {@code bin/earshot topics} against a real broker
 * (its host put in, one replica: one broker); 3. a real registry with the Confluent API; 4. the
 * three launchers, each with its own properties file (the bundled defaults from {@code config/},
 * pointed at this broker, registry, free ports and temporary state). Then the post that "Querying"
 * sends with curl goes to ingest, and aggregate's query API must count it.
 */
class ClusterStepsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration COUNTED = Duration.ofSeconds(120);

  /** enrich holds the labelling models; the others are small. */
  private static final Map<String, String> HEAP =
      Map.of("ingest", "-Xmx384m", "enrich", "-Xmx1536m", "aggregate", "-Xmx1g");

  @TempDir Path dir;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, LauncherProcess> services = new LinkedHashMap<>();
  private final Map<String, String> urls = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopEverything() throws Exception {
    while (!started.isEmpty()) {
      started.pop().close();
    }
  }

  @Test
  void theReadmesStepsRunFromTheTarballAndAggregateCountsThePost() throws Exception {
    ClusterSteps steps = ClusterSteps.read(Path.of(property("earshot.readme")));
    Path logs = Files.createDirectories(Path.of(property("earshot.cluster.steps.logs")));

    // 1. The tarball, unpacked; the commands run in earshot-<version>.
    Distribution.unpack(dir);
    Path home = dir.resolve("earshot-" + Distribution.VERSION);

    // The cluster: one broker; 3. a registry with the Confluent API, compatibility BACKWARD.
    KafkaBroker broker = track(KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free()));
    SchemaRegistryProcess registry =
        track(
            SchemaRegistryProcess.start(
                ApicurioDistribution.locate(), dir.resolve("registry"), Ports.free()));

    // 2. The topics.
    Launched topics = Launched.run(home, Map.of(), steps.topics(broker.bootstrapServers(), 1));
    Files.writeString(logs.resolve("topics.log"), topics.output());
    assertThat(topics.exitCode()).as("%s:\n%s", steps.topics(), topics.output()).isZero();
    assertThat(topicNames(broker)).contains(Topics.POSTS_RAW, Topics.POSTS_ENRICHED);

    // 4. Each service with its own properties file.
    for (List<String> command : steps.services()) {
      String service = ClusterSteps.launcher(command).substring("bin/earshot-".length());
      int port = Ports.free();
      writeConfig(home, service, ClusterSteps.configFile(command), broker, registry, port);
      LauncherProcess process =
          track(
              LauncherProcess.start(
                  service,
                  home,
                  command,
                  Map.of("JAVA_OPTS", HEAP.get(service)),
                  logs.resolve(service + ".log")));
      services.put(service, process);
      urls.put(service, "http://127.0.0.1:" + port);
    }
    assertThat(services.keySet()).containsExactly("ingest", "enrich", "aggregate");
    for (String service : services.keySet()) {
      awaitReady(service);
    }

    // The README's own post, as its curl sends it.
    HttpResponse<String> accepted = post(urls.get("ingest") + "/api/v1/posts", steps.post());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    JsonNode cells = awaitCounted(day(steps.post()));
    assertThat(cells).as("audience x topic cells: %s", cells).hasSize(1);
    JsonNode cell = cells.get(0);
    assertThat(cell.path("posts").asLong()).isEqualTo(1);
    // The default taxonomy labels it: counted under an audience and a topic, not unassigned.
    assertThat(cell.path("labels").path(Dimension.AUDIENCE.field()).asText())
        .isNotEmpty()
        .isNotEqualTo(Dimension.UNASSIGNED);
    assertThat(cell.path("labels").path(Dimension.TOPIC.field()).asText())
        .isNotEmpty()
        .isNotEqualTo(Dimension.UNASSIGNED);
    // The bundled RocksDB memory bound was in force in the deployed aggregate.
    assertThat(services.get("aggregate").output())
        .contains("earshot-aggregate: RocksDB stores share");
  }

  /**
   * The service's bundled defaults ({@code config/}, as step 1 says: copy and edit), with this
   * cluster's addresses, a free port and, for the Streams apps, a temporary state directory.
   */
  private void writeConfig(
      Path home,
      String service,
      String file,
      KafkaBroker broker,
      SchemaRegistryProcess registry,
      int port)
      throws IOException {
    String defaults = Files.readString(home.resolve("config").resolve(service + ".properties"));
    StringBuilder config = new StringBuilder(defaults);
    config.append("\n# ClusterStepsIT: this test's cluster\n");
    config.append("kafka.bootstrap.servers=").append(broker.bootstrapServers()).append('\n');
    config.append("schema.registry.url=").append(registry.url()).append('\n');
    config.append("http.port=").append(port).append('\n');
    if (defaults.contains("kafka.application.id=")) {
      Path state = Files.createDirectories(dir.resolve("state").resolve(service));
      config.append("kafka.state.dir=").append(state).append('\n');
    }
    Files.writeString(home.resolve(file), config);
  }

  private void awaitReady(String service) throws Exception {
    LauncherProcess process = services.get(service);
    Instant deadline = Instant.now().plus(READY);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("%s exited:\n%s", process, process.tail(40)).isTrue();
      try {
        HttpResponse<String> ready = get(urls.get(service) + "/ready");
        if (ready.statusCode() == 200) {
          return;
        }
        last = ready.statusCode() + " " + ready.body();
      } catch (IOException notYetListening) {
        last = notYetListening.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        service + " not ready within " + READY + " (" + last + "):\n" + process.tail(40));
  }

  /** The audience x topic cells of the post's day, once they count a post. */
  private JsonNode awaitCounted(LocalDate day) throws Exception {
    String url =
        urls.get("aggregate")
            + "/api/v1/views/"
            + View.AUDIENCE_TOPIC.id()
            + "/cells?from="
            + day
            + "&to="
            + day.plusDays(1);
    Instant deadline = Instant.now().plus(COUNTED);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> answer = get(url);
      last = answer.statusCode() + " " + answer.body();
      if (answer.statusCode() == 200) {
        JsonNode result = JSON.readTree(answer.body()).path("result");
        long posts = 0;
        for (JsonNode cell : result) {
          posts += cell.path("posts").asLong();
        }
        if (posts > 0) {
          return result;
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        "aggregate did not count the post within "
            + COUNTED
            + " ("
            + url
            + ": "
            + last
            + ")\nenrich:\n"
            + services.get("enrich").tail(20)
            + "\naggregate:\n"
            + services.get("aggregate").tail(20));
  }

  private static LocalDate day(String post) throws IOException {
    String createdAt = JSON.readTree(post).path("created_at").asText();
    return OffsetDateTime.parse(createdAt).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }

  private static Set<String> topicNames(KafkaBroker broker) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <T extends AutoCloseable> T track(T component) {
    started.push(component);
    return component;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the tests through failsafe");
    }
    return value;
  }
}
