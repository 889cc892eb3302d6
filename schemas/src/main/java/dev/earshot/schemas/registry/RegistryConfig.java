package dev.earshot.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach a schema registry. Keys follow Confluent's client names, so a producer or consumer
 * configured for Confluent's serdes configures ours the same way.
 *
 * @param baseUrl the API root; may carry a path, e.g. {@code http://host:8080/apis/ccompat/v7}
 * @param userInfo {@code user:password} for HTTP basic auth, or null
 * @param trustStorePath PKCS12/JKS trust store for https, or null for the JVM default
 */
public record RegistryConfig(
    URI baseUrl,
    String userInfo,
    String trustStorePath,
    String trustStorePassword,
    String trustStoreType,
    Duration requestTimeout,
    int retries,
    Duration retryBackoff) {

  public static final String URL = "schema.registry.url";
  public static final String USER_INFO = "basic.auth.user.info";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  public static final String RETRIES = "schema.registry.retries";
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";

  public RegistryConfig {
    Objects.requireNonNull(baseUrl, URL);
    if (retries < 0) {
      throw new IllegalArgumentException(RETRIES + " must be >= 0, was " + retries);
    }
  }

  public static RegistryConfig of(String url) {
    return fromMap(Map.of(URL, url));
  }

  /** Reads the keys above; credentials in the URL ({@code https://u:p@host}) count as user info. */
  public static RegistryConfig fromMap(Map<String, ?> props) {
    Object url = props.get(URL);
    if (url == null || url.toString().isBlank()) {
      throw new IllegalArgumentException("missing required config " + URL);
    }
    URI uri = URI.create(url.toString().trim());
    String userInfo = string(props, USER_INFO, uri.getUserInfo());
    if (uri.getUserInfo() != null) {
      uri =
          URI.create(
              uri.getScheme()
                  + "://"
                  + uri.getHost()
                  + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                  + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }
    return new RegistryConfig(
        uri,
        userInfo,
        string(props, TRUSTSTORE_LOCATION, null),
        string(props, TRUSTSTORE_PASSWORD, null),
        string(props, TRUSTSTORE_TYPE, "PKCS12"),
        Duration.ofMillis(Long.parseLong(string(props, REQUEST_TIMEOUT_MS, "10000"))),
        Integer.parseInt(string(props, RETRIES, "5")),
        Duration.ofMillis(Long.parseLong(string(props, RETRY_BACKOFF_MS, "500"))));
  }

  private static String string(Map<String, ?> props, String key, String fallback) {
    Object v = props.get(key);
    return v == null || v.toString().isBlank() ? fallback : v.toString();
  }
}
