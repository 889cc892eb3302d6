package dev.earshot.service;

import java.nio.file.Path;

/**
 * How a service serves HTTP: where it listens, who may call its APIs ({@link ApiTokens}), how often
 * ({@link RateLimiter}), and whether over TLS. Read from the service's configuration:
 *
 * <pre>
 * http.host, http.port                      bind address and port
 * http.auth.tokens.file                     bearer tokens (none: the APIs are open)
 * http.rate.limit.per.second, .burst        per client (token name, else remote address); 0: off
 * http.tls.keystore.location, .password, .type   serve HTTPS instead of HTTP
 * </pre>
 */
public record HttpSettings(String host, int port, ApiTokens tokens, RateLimiter limiter, Tls tls) {

  /** A key store holding the server's certificate and key; null in {@link HttpSettings}: HTTP. */
  public record Tls(Path keystore, String password, String type) {}

  public static HttpSettings from(ServiceConfig config) {
    String tokensFile = config.get("http.auth.tokens.file", null);
    String keystore = config.get("http.tls.keystore.location", null);
    return new HttpSettings(
        config.get("http.host"),
        config.getInt("http.port"),
        tokensFile == null ? ApiTokens.open() : ApiTokens.load(Path.of(tokensFile)),
        new RateLimiter(
            Double.parseDouble(config.get("http.rate.limit.per.second", "0")),
            Double.parseDouble(config.get("http.rate.limit.burst", "1"))),
        keystore == null
            ? null
            : new Tls(
                Path.of(keystore),
                config.get("http.tls.keystore.password", ""),
                config.get("http.tls.keystore.type", "PKCS12")));
  }

  /** Plain HTTP, no tokens, no limit: for tests. */
  public static HttpSettings open(String host, int port) {
    return new HttpSettings(host, port, ApiTokens.open(), new RateLimiter(0, 1), null);
  }
}
