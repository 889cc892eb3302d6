package dev.earshot.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the registry: a self-signed certificate for 127.0.0.1, made with the JDK's keytool, is
 * trusted only when the client is given it as its trust store.
 */
class RestSchemaRegistryClientTlsTest {
  private static final String PASSWORD = "changeit";
  private static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

  @TempDir Path dir;
  private Path keyStore;
  private HttpsServer server;

  @BeforeEach
  void startHttpsRegistry() throws Exception {
    keyStore = dir.resolve("registry.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
  }

  @Test
  void shouldRegisterOverHttpsWhenTheTrustStoreHoldsTheRegistryCertificate() {
    RegistryConfig config =
        RegistryConfig.fromMap(
            Map.of(
                RegistryConfig.URL,
                url(),
                RegistryConfig.TRUSTSTORE_LOCATION,
                keyStore.toString(),
                RegistryConfig.TRUSTSTORE_PASSWORD,
                PASSWORD,
                RegistryConfig.TRUSTSTORE_TYPE,
                "PKCS12"));

    assertThat(new RestSchemaRegistryClient(config).register("t-value", SCHEMA)).isEqualTo(7);
  }

  @Test
  void shouldRefuseAnUntrustedCertificateAsAnOutage() {
    RegistryConfig config =
        RegistryConfig.fromMap(Map.of(RegistryConfig.URL, url(), RegistryConfig.RETRIES, "0"));

    assertThatThrownBy(() -> new RestSchemaRegistryClient(config).register("t-value", SCHEMA))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("unavailable");
  }
}
