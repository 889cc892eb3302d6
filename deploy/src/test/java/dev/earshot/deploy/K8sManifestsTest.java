package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceHttp;
import dev.earshot.service.TopicSetup;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in {@code deploy/k8s/} say what the code says: the Strimzi topics are
 * {@link Topics#all()} as {@link TopicSetup} creates them, each service's Strimzi user has exactly
 * its {@link ServiceAcls}, the ports are the services' {@code http.port}, the probe and scrape
 * paths are ones {@link ServiceHttp} serves, and every {@code EARSHOT_*} variable sets a key the
 * service knows. Every YAML document is parsed, and the services' configuration is loaded as the
 * pods would load it ({@link ServiceConfig#load} with the container's environment).
 */
class K8sManifestsTest {
  private static final Path K8S = Path.of("k8s");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String CLUSTER = "earshot";
  private static final short REPLICAS = 3;
  private static final String COMPONENT = "app.kubernetes.io/component";
  private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** The ACLs of each service, as {@link SecureClusterIT} grants them. */
  private static final Map<String, BiFunction<String, String, List<AclBinding>>> ACLS =
      Map.of(
          "ingest", (principal, applicationId) -> ServiceAcls.ingest(principal),
          "enrich", ServiceAcls::enrich,
          "aggregate", ServiceAcls::aggregate);

  private static final List<String> STREAMS_APPS = KnownConfigKeys.STREAMS_APPS;

  /** The component label of the schema registry's resources (registry.yaml, users.yaml). */
  private static final String REGISTRY = "registry";

  /**
   * The one topic besides {@link Topics#all()}: the journal in which Apicurio Registry 2.6's
   * kafkasql storage keeps the schemas ({@code registry.kafkasql.topic}'s default). It belongs to
   * the registry, not to earshot, so {@link TopicSetup} knows nothing of it.
   */
  private static final String REGISTRY_JOURNAL_TOPIC = "kafkasql-journal";

  // ------------------------------------------------------------------------------- (a) topics

  @Test
  void theKafkaTopicsAreTopicSetupsTopicsWithItsConfigs() {
    Map<String, JsonNode> byName = new TreeMap<>();
    for (JsonNode topic : ofKind("KafkaTopic")) {
      assertThat(topic.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
      assertThat(label(topic, "strimzi.io/cluster")).isEqualTo(CLUSTER);
      assertThat(name(topic)).matches(DNS_1123);
      String topicName = topic.path("spec").path("topicName").asText(name(topic));
      assertThat(byName.put(topicName, topic)).as("%s listed twice", topicName).isNull();
    }
    Set<String> expected =
        Topics.all().stream().map(Topics.Spec::name).collect(Collectors.toCollection(TreeSet::new));
    expected.add(REGISTRY_JOURNAL_TOPIC);
    assertThat(byName.keySet()).isEqualTo(expected);

    // The registry replays its journal in order and needs every key's latest record forever.
    JsonNode journal = byName.get(REGISTRY_JOURNAL_TOPIC).path("spec");
    assertThat(journal.path("partitions").asInt()).isEqualTo(1);
    assertThat(journal.path("replicas").asInt()).isEqualTo(REPLICAS);
    assertThat(strings(journal.path("config"))).isEqualTo(Map.of("cleanup.policy", "compact"));

    for (Topics.Spec spec : Topics.all()) {
      // As TopicSetup.ensure chooses: the spec's own count, else the cluster default.
      int partitions = spec.partitions() > 0 ? spec.partitions() : TopicSetup.DEFAULT_PARTITIONS;
      NewTopic want = TopicSetup.topic(spec, partitions, REPLICAS);
      JsonNode got = byName.get(spec.name()).path("spec");
      assertThat(got.path("partitions").asInt()).as(spec.name()).isEqualTo(want.numPartitions());
      assertThat(got.path("replicas").asInt()).as(spec.name()).isEqualTo(want.replicationFactor());
      assertThat(strings(got.path("config"))).as(spec.name()).isEqualTo(want.configs());
    }
  }

  // -------------------------------------------------------------------------------- (b) users

  @Test
  void eachKafkaUserHasExactlyItsServicesAcls() {
    Map<String, JsonNode> users = byComponent(ofKind("KafkaUser"));
    // The registry's user is not an earshot service's; theRegistryIsApicurioOnKafkaSql checks it.
    users.remove(REGISTRY);
    assertThat(users.keySet()).isEqualTo(ACLS.keySet());
    for (Map.Entry<String, JsonNode> e : users.entrySet()) {
      String service = e.getKey();
      JsonNode user = e.getValue();
      assertThat(label(user, "strimzi.io/cluster")).isEqualTo(CLUSTER);
      assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
      assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");

      // The principal is the user's name (its SCRAM user name); the application id is what the
      // service's pods run with.
      String applicationId = effectiveConfig(service).get("kafka.application.id", "");
      List<Acl> granted = strimziAcls(user.at("/spec/authorization/acls"));
      Set<Acl> wanted = new HashSet<>();
      for (AclBinding binding : ACLS.get(service).apply(name(user), applicationId)) {
        assertThat(binding.entry().principal()).isEqualTo("User:" + name(user));
        wanted.add(Acl.of(binding));
      }
      assertThat(granted).as(service).doesNotHaveDuplicates();
      assertThat(new HashSet<>(granted)).as(service).isEqualTo(wanted);
    }
  }

  // ------------------------------------------------------------------------- the registry

  @Test
  void theRegistryIsApicurioOnKafkaSqlWithItsOwnUser() {
    JsonNode registry = named("ApicurioRegistry", "earshot-registry");
    assertThat(registry.path("apiVersion").asText()).isEqualTo("registry.apicur.io/v1");
    JsonNode configuration = registry.at("/spec/configuration");
    assertThat(configuration.path("persistence").asText()).isEqualTo("kafkasql");

    // It reaches the cluster as the services do: the same listener and SASL mechanism, the
    // cluster CA as trust store, and the password Strimzi writes for its own KafkaUser.
    JsonNode user = byComponent(ofKind("KafkaUser")).get(REGISTRY);
    assertThat(user).isNotNull();
    ServiceConfig ingest = effectiveConfig("ingest");
    JsonNode kafkasql = configuration.path("kafkasql");
    assertThat(kafkasql.path("bootstrapServers").asText())
        .isEqualTo(ingest.get("kafka.bootstrap.servers"));
    JsonNode scram = kafkasql.at("/security/scram");
    assertThat(scram.path("mechanism").asText()).isEqualTo(ingest.get("kafka.sasl.mechanism"));
    assertThat(scram.path("user").asText()).isEqualTo(name(user));
    assertThat(scram.path("passwordSecretName").asText()).isEqualTo(name(user));
    assertThat(scram.path("truststoreSecretName").asText()).isEqualTo(CLUSTER + "-cluster-ca-cert");

    // Compatibility BACKWARD, as the local stack's registry (SchemaRegistryProcess) has it.
    Map<String, String> env = new TreeMap<>();
    configuration
        .path("env")
        .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    assertThat(env).containsEntry("REGISTRY_RULES_GLOBAL_COMPATIBILITY", "BACKWARD");

    // Its user: the journal (the registry creates it if missing) and the consumer groups
    // `apicurio-registry-<UUID>` it starts in (registry.id, then a random UUID), nothing else.
    assertThat(label(user, "strimzi.io/cluster")).isEqualTo(CLUSTER);
    assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
    assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
    List<Acl> granted = strimziAcls(user.at("/spec/authorization/acls"));
    List<Acl> wanted = new ArrayList<>();
    for (AclOperation op :
        List.of(
            AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)) {
      wanted.add(new Acl(ResourceType.TOPIC, REGISTRY_JOURNAL_TOPIC, PatternType.LITERAL, op, "*"));
    }
    for (AclOperation op : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
      wanted.add(new Acl(ResourceType.GROUP, "apicurio-registry-", PatternType.PREFIXED, op, "*"));
    }
    assertThat(granted).containsExactlyInAnyOrderElementsOf(wanted);

    // Every service reads schemas from the Service the operator creates for it: <name>-service,
    // port 8080, under Apicurio's Confluent-compatible API.
    String url = "http://" + name(registry) + "-service:8080" + SchemaRegistryProcess.CCOMPAT_PATH;
    for (String service : workloads().keySet()) {
      assertThat(effectiveConfig(service).get(RegistryConfig.URL)).as(service).isEqualTo(url);
    }
  }

  /** One allowed operation on one resource, as Kafka's authorizer sees it. */
  record Acl(ResourceType type, String name, PatternType pattern, AclOperation op, String host) {
    static Acl of(AclBinding b) {
      assertThat(b.entry().permissionType().name()).isEqualTo("ALLOW");
      return new Acl(
          b.pattern().resourceType(),
          b.pattern().name(),
          b.pattern().patternType(),
          b.entry().operation(),
          b.entry().host());
    }
  }

  /** Strimzi's simple-authorization rules, one {@link Acl} per operation. */
  private static List<Acl> strimziAcls(JsonNode rules) {
    List<Acl> acls = new ArrayList<>();
    for (JsonNode rule : rules) {
      assertThat(rule.path("type").asText("allow")).isEqualTo("allow");
      JsonNode resource = rule.path("resource");
      ResourceType type = enumNamed(ResourceType.class, resource.path("type").asText());
      // Strimzi says "literal" and "prefix" where Kafka says LITERAL and PREFIXED.
      PatternType pattern =
          switch (resource.path("patternType").asText("literal")) {
            case "literal" -> PatternType.LITERAL;
            case "prefix" -> PatternType.PREFIXED;
            default -> throw new AssertionError("pattern type of " + rule);
          };
      List<String> operations = new ArrayList<>();
      rule.path("operations").forEach(op -> operations.add(op.asText()));
      if (rule.has("operation")) {
        operations.add(rule.path("operation").asText());
      }
      assertThat(operations).as("operations of %s", rule).isNotEmpty();
      for (String op : operations) {
        acls.add(
            new Acl(
                type,
                resource.path("name").asText(),
                pattern,
                enumNamed(AclOperation.class, op),
                rule.path("host").asText("*")));
      }
    }
    return acls;
  }

  /** Strimzi's camel case ({@code transactionalId}, {@code Describe}) to Kafka's enum constant. */
  private static <E extends Enum<E>> E enumNamed(Class<E> type, String strimzi) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().replace("_", "").equalsIgnoreCase(strimzi)) {
        return constant;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " '" + strimzi + "'");
  }

  // ------------------------------------------------------------------- (c) ports, probes, scrape

  @Test
  void portsAreTheServicesHttpPortsAndProbesAndScrapesUsePathsTheyServe() throws Exception {
    Set<String> paths = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : workloads().entrySet()) {
      String service = e.getKey();
      JsonNode pod = e.getValue().at("/spec/template");
      JsonNode container = container(e.getValue());
      int port = Integer.parseInt(effectiveConfig(service).get("http.port"));
      assertThat(httpPort(container)).as(service).isEqualTo(port);

      JsonNode annotations = pod.at("/metadata/annotations");
      assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
      assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
      assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
      paths.add(annotations.path("prometheus.io/path").asText());

      assertThat(probe(container, "livenessProbe", port)).as(service).isEqualTo("/health");
      assertThat(probe(container, "readinessProbe", port)).as(service).isEqualTo("/ready");
      if (container.has("startupProbe")) {
        assertThat(probe(container, "startupProbe", port)).as(service).isEqualTo("/health");
      }
      paths.add(probe(container, "livenessProbe", port));
      paths.add(probe(container, "readinessProbe", port));
    }
    for (JsonNode service : ofKind("Service")) {
      String component = label(service, COMPONENT);
      JsonNode workload = workloads().get(component);
      assertThat(workload).as(name(service)).isNotNull();
      assertThat(selects(service.at("/spec/selector"), workload)).as(name(service)).isTrue();
      for (JsonNode p : service.at("/spec/ports")) {
        int port = httpPort(container(workload));
        assertThat(p.path("port").asInt()).as(name(service)).isEqualTo(port);
        assertThat(p.path("targetPort").asText()).isIn("http", String.valueOf(port));
      }
    }
    for (JsonNode monitor : ofKind("PodMonitor")) {
      for (JsonNode endpoint : monitor.at("/spec/podMetricsEndpoints")) {
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        paths.add(endpoint.path("path").asText());
      }
      for (JsonNode workload : workloads().values()) {
        assertThat(selects(monitor.at("/spec/selector"), workload)).isTrue();
      }
    }
    assertThat(paths).containsExactlyInAnyOrder("/health", "/ready", "/metrics");
    assertServed(paths);
  }

  /** Every path answers 200 (not 404) on the HTTP face every service runs on. */
  private static void assertServed(Set<String> paths) throws Exception {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ServiceHttp http = new ServiceHttp("127.0.0.1", 0, metrics, () -> true, Map::of).start()) {
      HttpClient client = HttpClient.newHttpClient();
      for (String path : paths) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(http.baseUrl() + path)).build();
        int status = client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).as(path).isEqualTo(200);
      }
    }
  }

  /** The container's port named {@code http}: probes and Services refer to it by that name. */
  private static int httpPort(JsonNode container) {
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals("http")) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no port named http in " + container.path("name"));
  }

  private static String probe(JsonNode container, String kind, int port) {
    JsonNode get = container.path(kind).path("httpGet");
    assertThat(get.path("port").asText()).as(kind).isIn("http", String.valueOf(port));
    return get.path("path").asText();
  }

  // -------------------------------------------------------------------------- (d) environment

  @Test
  void everyEarshotVariableSetsAKeyTheServiceKnows() throws IOException {
    for (Map.Entry<String, JsonNode> e : workloads().entrySet()) {
      String service = e.getKey();
      KnownConfigKeys known = KnownConfigKeys.of(service);
      for (String variable : environment(container(e.getValue())).keySet()) {
        if (!variable.startsWith("EARSHOT_")) {
          continue;
        }
        String key = keyOf(service, variable);
        assertThat(known.knows(key))
            .as("%s: %s sets '%s', which %s does not know", service, variable, key, service)
            .isTrue();
      }
    }
  }

  @Test
  void credentialsComeFromTheSecretsStrimziWrites() {
    Set<String> strimziSecrets = new HashSet<>();
    ofKind("KafkaUser").forEach(u -> strimziSecrets.add(name(u)));
    strimziSecrets.add(CLUSTER + "-cluster-ca-cert");
    Map<String, JsonNode> users = byComponent(ofKind("KafkaUser"));
    for (Map.Entry<String, JsonNode> e : workloads().entrySet()) {
      JsonNode container = container(e.getValue());
      for (JsonNode env : container.path("env")) {
        JsonNode ref = env.at("/valueFrom/secretKeyRef");
        if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
          assertThat(strimziSecrets)
              .as(env.path("name").asText())
              .contains(ref.path("name").asText());
        }
      }
      // Each service logs in as its own user, with the JAAS line Strimzi writes for it.
      JsonNode jaas =
          envEntry(container, "EARSHOT_KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef");
      assertThat(jaas.path("name").asText()).isEqualTo(name(users.get(e.getKey())));
      assertThat(jaas.path("key").asText()).isEqualTo("sasl.jaas.config");
      // The trust store's file is the mounted cluster CA.
      String truststore = effectiveConfig(e.getKey()).get("kafka.ssl.truststore.location");
      assertThat(mountedFiles(e.getValue(), CLUSTER + "-cluster-ca-cert")).contains(truststore);
    }
  }

  /** The key an {@code EARSHOT_*} variable sets, found by loading the service's configuration. */
  private static String keyOf(String service, String variable) {
    String marker = "set-by-" + variable;
    List<String> keys =
        ServiceConfig.load(service, null, Map.of(variable, marker), Map.of())
            .asMap()
            .entrySet()
            .stream()
            .filter(kv -> kv.getValue().equals(marker))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(keys).as(variable).hasSize(1);
    return keys.get(0);
  }

  // ------------------------------------------------------------------ the workloads' structure

  @Test
  void streamsAppsAreStatefulSetsWithStateStandbysADisruptionBudgetAndPodNames() {
    Map<String, JsonNode> budgets = byComponent(ofKind("PodDisruptionBudget"));
    for (String service : STREAMS_APPS) {
      JsonNode set = workloads().get(service);
      assertThat(set.path("kind").asText()).isEqualTo("StatefulSet");
      ServiceConfig config = effectiveConfig(service);
      assertThat(config.get("kafka.num.standby.replicas")).isEqualTo("1");
      assertThat(set.path("spec").path("replicas").asInt()).isGreaterThan(1);
      // The state directory is on the pod's own volume.
      String claim = set.at("/spec/volumeClaimTemplates/0/metadata/name").asText();
      assertThat(mounts(container(set))).containsEntry(config.get("kafka.state.dir"), claim);
      assertThat(budgets.get(service).at("/spec/maxUnavailable").asInt()).isEqualTo(1);
      assertThat(selects(budgets.get(service).at("/spec/selector"), set)).isTrue();
      // The governing Service is headless: each pod has a DNS name under it.
      String governing = set.at("/spec/serviceName").asText();
      JsonNode headless = named("Service", governing);
      assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
    }
    // aggregate binds every address and announces its pod's DNS name to the other instances.
    JsonNode aggregate = workloads().get("aggregate");
    ServiceConfig config = effectiveConfig("aggregate");
    assertThat(config.get("http.host")).isEqualTo("0.0.0.0");
    String governing = aggregate.at("/spec/serviceName").asText();
    assertThat(config.get("http.advertised.host"))
        .isEqualTo("$(POD_NAME)." + governing + ".$(POD_NAMESPACE).svc.cluster.local");
    JsonNode container = container(aggregate);
    assertThat(envEntry(container, "POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.name");
    assertThat(envEntry(container, "POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.namespace");
  }

  @Test
  void ingestIsADeploymentBehindAServiceScaledOnCpu() {
    JsonNode ingest = workloads().get("ingest");
    assertThat(ingest.path("kind").asText()).isEqualTo("Deployment");
    JsonNode hpa = byComponent(ofKind("HorizontalPodAutoscaler")).get("ingest");
    assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(name(ingest));
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    assertThat(byComponent(ofKind("Service"))).containsKey("ingest");
    assertThat(effectiveConfig("ingest").get("http.host")).isEqualTo("0.0.0.0");
  }

  @Test
  void eachContainerRunsItsServicesLauncherWithABoundedHeap() {
    for (Map.Entry<String, JsonNode> e : workloads().entrySet()) {
      JsonNode container = container(e.getValue());
      assertThat(container.at("/command/0").asText())
          .isEqualTo("/opt/earshot/bin/earshot-" + e.getKey());
      assertThat(environment(container).get("JAVA_TOOL_OPTIONS")).contains("-Xmx");
      assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    }
  }

  // --------------------------------------------------------------------------- (e) kustomize

  @Test
  void everyKustomizationListsExactlyTheFilesBesideIt() throws IOException {
    List<Path> kustomizations =
        yamlFiles().stream().filter(K8sManifestsTest::isKustomization).toList();
    assertThat(kustomizations).isNotEmpty();
    Set<Path> listed = new HashSet<>();
    for (Path kustomization : kustomizations) {
      Path dir = kustomization.getParent();
      for (JsonNode resource : readAll(kustomization).get(0).path("resources")) {
        Path file = dir.resolve(resource.asText()).normalize();
        assertThat(file).as("%s lists %s", kustomization, resource.asText()).isRegularFile();
        assertThat(listed.add(file)).as("%s listed twice", file).isTrue();
      }
    }
    Set<Path> manifests =
        yamlFiles().stream()
            .filter(f -> !isKustomization(f))
            .map(Path::normalize)
            .collect(Collectors.toSet());
    assertThat(listed).isEqualTo(manifests);
  }

  // --------------------------------------------------------------------------------- reading

  private static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isKustomization(Path file) {
    return file.getFileName().toString().startsWith("kustomization.");
  }

  private static List<JsonNode> readAll(Path file) {
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      List<JsonNode> out = new ArrayList<>();
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          out.add(doc);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Every document of every manifest (the kustomizations aside). */
  private static List<JsonNode> documents() {
    List<JsonNode> docs = new ArrayList<>();
    yamlFiles().stream().filter(f -> !isKustomization(f)).forEach(f -> docs.addAll(readAll(f)));
    return docs;
  }

  private static List<JsonNode> ofKind(String kind) {
    return documents().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static JsonNode named(String kind, String name) {
    return ofKind(kind).stream()
        .filter(d -> name(d).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static String name(JsonNode doc) {
    return doc.at("/metadata/name").asText();
  }

  private static String label(JsonNode doc, String label) {
    return doc.at("/metadata/labels").path(label).asText();
  }

  /** One document per service, by its {@code app.kubernetes.io/component} label. */
  private static Map<String, JsonNode> byComponent(List<JsonNode> docs) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode doc : docs) {
      String component = label(doc, COMPONENT);
      if (!(doc.path("kind").asText().equals("Service") && isHeadless(doc))) {
        assertThat(out.put(component, doc)).as("two for %s", component).isNull();
      }
    }
    return out;
  }

  private static boolean isHeadless(JsonNode service) {
    return service.at("/spec/clusterIP").asText().equals("None");
  }

  /** The Deployment or StatefulSet of each service. */
  private static Map<String, JsonNode> workloads() {
    List<JsonNode> docs = new ArrayList<>(ofKind("Deployment"));
    docs.addAll(ofKind("StatefulSet"));
    Map<String, JsonNode> out = byComponent(docs);
    assertThat(out.keySet()).isEqualTo(ACLS.keySet());
    return out;
  }

  private static JsonNode container(JsonNode workload) {
    JsonNode containers = workload.at("/spec/template/spec/containers");
    assertThat(containers.size()).isEqualTo(1);
    return containers.get(0);
  }

  private static boolean selects(JsonNode selector, JsonNode workload) {
    JsonNode matchLabels = selector.has("matchLabels") ? selector.path("matchLabels") : selector;
    JsonNode podLabels = workload.at("/spec/template/metadata/labels");
    assertThat(matchLabels.size()).isPositive();
    for (Map.Entry<String, String> e : strings(matchLabels).entrySet()) {
      if (!e.getValue().equals(podLabels.path(e.getKey()).asText())) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode envEntry(JsonNode container, String variable) {
    for (JsonNode env : container.path("env")) {
      if (env.path("name").asText().equals(variable)) {
        return env;
      }
    }
    throw new AssertionError("no " + variable + " in " + container.path("name"));
  }

  /**
   * The container's environment as the pod gets it: its ConfigMaps' entries, then its own (a value
   * from a Secret or the downward API stands as a placeholder naming where it comes from).
   */
  private static Map<String, String> environment(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      JsonNode ref = from.path("configMapRef");
      assertThat(ref.isMissingNode()).as("only ConfigMaps in envFrom").isFalse();
      env.putAll(strings(named("ConfigMap", ref.path("name").asText()).path("data")));
    }
    for (JsonNode entry : container.path("env")) {
      String value =
          entry.has("value")
              ? entry.path("value").asText()
              : "<" + entry.path("valueFrom").fieldNames().next() + ">";
      env.put(entry.path("name").asText(), value);
    }
    return env;
  }

  /** The service's configuration as its pods load it. */
  private static ServiceConfig effectiveConfig(String service) {
    return ServiceConfig.load(
        service, null, environment(container(workloads().get(service))), Map.of());
  }

  /** Mount path to volume name. */
  private static Map<String, String> mounts(JsonNode container) {
    Map<String, String> out = new TreeMap<>();
    container
        .path("volumeMounts")
        .forEach(m -> out.put(m.path("mountPath").asText(), m.path("name").asText()));
    return out;
  }

  /** The paths of the files the container mounts from a Secret. */
  private static Set<String> mountedFiles(JsonNode workload, String secretName) {
    Map<String, JsonNode> volumes = new TreeMap<>();
    workload
        .at("/spec/template/spec/volumes")
        .forEach(v -> volumes.put(v.path("name").asText(), v));
    Set<String> files = new TreeSet<>();
    mounts(container(workload))
        .forEach(
            (path, volume) -> {
              JsonNode secret =
                  volumes.getOrDefault(volume, MissingNode.getInstance()).path("secret");
              if (secret.path("secretName").asText().equals(secretName)) {
                secret
                    .path("items")
                    .forEach(item -> files.add(path + "/" + item.path("path").asText()));
              }
            });
    return files;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
