package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path file = dir.resolve("override.properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void shouldReadBundledDefaultsWhenNothingOverridesThem() {
    ServiceConfig config = ServiceConfig.load("testsvc", null, Map.of(), Map.of());

    assertThat(config.get("http.host")).isEqualTo("127.0.0.1");
    assertThat(config.getInt("http.port")).isEqualTo(7000);
    assertThat(config.get("kafka.bootstrap.servers")).isEqualTo("bundled:9092");
  }

  @Test
  void shouldTrimTrailingWhitespaceOfFileValues() {
    ServiceConfig config = ServiceConfig.load("testsvc", null, Map.of(), Map.of());

    assertThat(config.get("greeting")).isEqualTo("hello");
  }

  @Test
  void shouldLetTheFileOverrideBundledDefaultsAndAddKeys() throws IOException {
    Path file = file("http.port=8000\nfile.only=from-file\n");

    ServiceConfig config = ServiceConfig.load("testsvc", file, Map.of(), Map.of());

    assertThat(config.getInt("http.port")).isEqualTo(8000);
    assertThat(config.get("file.only")).isEqualTo("from-file");
    assertThat(config.get("only.bundled")).isEqualTo("bundled");
  }

  @Test
  void shouldLetEnvironmentOverrideBothBundledAndFileValues() throws IOException {
    Path file = file("http.port=8000\nfile.only=from-file\n");
    Map<String, String> env =
        Map.of(
            "EARSHOT_HTTP_PORT", "9000",
            "EARSHOT_ONLY_BUNDLED", "from-env",
            "EARSHOT_FILE_ONLY", "file-key-from-env");

    ServiceConfig config = ServiceConfig.load("testsvc", file, env, Map.of());

    assertThat(config.getInt("http.port")).isEqualTo(9000);
    assertThat(config.get("only.bundled")).isEqualTo("from-env");
    assertThat(config.get("file.only")).isEqualTo("file-key-from-env");
  }

  @Test
  void shouldMapDashesAndDotsOfAKeyToUnderscoresInItsVariable() {
    Map<String, String> env = Map.of("EARSHOT_KAFKA_CLIENT_TAG", "from-env");

    ServiceConfig config = ServiceConfig.load("testsvc", null, env, Map.of());

    assertThat(ServiceConfig.envName("kafka.client-tag")).isEqualTo("EARSHOT_KAFKA_CLIENT_TAG");
    assertThat(config.get("kafka.client-tag")).isEqualTo("from-env");
  }

  @Test
  void shouldApplyExplicitOverridesLast() throws IOException {
    Path file = file("http.port=8000\n");
    Map<String, String> env =
        Map.of("EARSHOT_HTTP_PORT", "9000", "EARSHOT_KAFKA_SESSION_TIMEOUT_MS", "10000");
    Map<String, String> overrides =
        Map.of(
            "http.port", "1234",
            "kafka.session.timeout.ms", "20000",
            "override.only", "x");

    ServiceConfig config = ServiceConfig.load("testsvc", file, env, overrides);

    assertThat(config.getInt("http.port")).isEqualTo(1234);
    assertThat(config.get("kafka.session.timeout.ms")).isEqualTo("20000");
    assertThat(config.get("override.only")).isEqualTo("x");
  }

  @Test
  void shouldAddAKafkaKeyForAnEarshotKafkaVariableThatNamesNoKey() {
    Map<String, String> env = Map.of("EARSHOT_KAFKA_SESSION_TIMEOUT_MS", "10000");

    ServiceConfig config = ServiceConfig.load("testsvc", null, env, Map.of());

    assertThat(config.get("kafka.session.timeout.ms")).isEqualTo("10000");
  }

  @Test
  void shouldNotDuplicateAnExistingKeyWhenAKafkaVariableNamesIt() {
    Map<String, String> env =
        Map.of(
            "EARSHOT_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
            // names kafka.client-tag, which must not also appear as kafka.client.tag
            "EARSHOT_KAFKA_CLIENT_TAG", "from-env");

    ServiceConfig config = ServiceConfig.load("testsvc", null, env, Map.of());

    assertThat(config.withPrefix("kafka."))
        .containsOnly(entry("bootstrap.servers", "env:9092"), entry("client-tag", "from-env"));
  }

  @Test
  void shouldIgnoreVariablesWithoutTheEarshotPrefix() {
    Map<String, String> env =
        Map.of("PATH", "/usr/bin", "KAFKA_HEAP_OPTS", "-Xmx1g", "EARSHOT_", "x");

    ServiceConfig config = ServiceConfig.load("testsvc", null, env, Map.of());

    assertThat(config.asMap())
        .isEqualTo(ServiceConfig.load("testsvc", null, Map.of(), Map.of()).asMap());
  }

  @Test
  void shouldAddAKeyWithNoBundledDefaultFromItsVariableSoSecretsCanComeFromTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "EARSHOT_BASIC_AUTH_USER_INFO", "earshot:secret",
            "EARSHOT_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/earshot/registry.p12",
            "EARSHOT_AUTO_REGISTER_SCHEMAS", "false",
            "EARSHOT_HTTP_ADVERTISED_HOST", "aggregate-0.aggregate");

    ServiceConfig config = ServiceConfig.load("testsvc", null, env, Map.of());

    assertThat(config.get("basic.auth.user.info")).isEqualTo("earshot:secret");
    assertThat(config.get("schema.registry.ssl.truststore.location"))
        .isEqualTo("/etc/earshot/registry.p12");
    assertThat(config.get("auto.register.schemas")).isEqualTo("false");
    assertThat(config.get("http.advertised.host")).isEqualTo("aggregate-0.aggregate");
  }

  @Test
  void shouldStripThePrefixInWithPrefixAndLeaveOtherKeysOut() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                "kafka.bootstrap.servers", "b:9092",
                "kafka.linger.ms", "5",
                "kafkaesque", "no",
                "http.port", "1"));

    assertThat(config.withPrefix("kafka."))
        .containsOnly(entry("bootstrap.servers", "b:9092"), entry("linger.ms", "5"));
  }

  @Test
  void shouldNameTheKeyAndItsVariableWhenARequiredKeyIsMissing() {
    ServiceConfig config = ServiceConfig.load("testsvc", null, Map.of(), Map.of());

    assertThatThrownBy(() -> config.get("schema.registry.basic-auth"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'schema.registry.basic-auth'")
        .hasMessageContaining("EARSHOT_SCHEMA_REGISTRY_BASIC_AUTH");
  }

  @Test
  void shouldTreatAnEmptyValueAsMissing() {
    ServiceConfig config = ServiceConfig.load("testsvc", null, Map.of(), Map.of());

    assertThatThrownBy(() -> config.get("blank.value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank.value");
    assertThat(config.get("blank.value", "fallback")).isEqualTo("fallback");
    assertThat(config.get("no.such.key", "fallback")).isEqualTo("fallback");
  }

  @Test
  void shouldNameTheKeyWhenAnIntegerIsNotANumber() {
    ServiceConfig config = ServiceConfig.load("testsvc", null, Map.of(), Map.of());

    assertThatThrownBy(() -> config.getInt("number.bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'number.bad'")
        .hasMessageContaining("'abc'");
    assertThatThrownBy(() -> config.getLong("number.bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'number.bad'");
  }

  @Test
  void shouldFailNamingTheResourceWhenNoDefaultsAreBundled() {
    assertThatThrownBy(() -> ServiceConfig.load("nosuchsvc", null, Map.of(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nosuchsvc.properties");
  }

  @Test
  void shouldFailWhenTheConfigurationFileCannotBeRead() {
    Path missing = dir.resolve("missing.properties");

    assertThatThrownBy(() -> ServiceConfig.load("testsvc", missing, Map.of(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing.properties");
  }
}
