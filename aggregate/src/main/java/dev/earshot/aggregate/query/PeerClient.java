package dev.earshot.aggregate.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.schemas.registry.TrustStores;
import dev.earshot.service.Json;
import dev.earshot.service.ServiceConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the aggregate app for its local-only answer, with connect and request
 * timeouts and a checked status: any other answer than 200 is a failure, never an empty result.
 */
public class PeerClient {
  private final HttpClient http;
  private final Duration timeout;
  private final String scheme;
  private final String token;

  public PeerClient(Duration timeout) {
    this(HttpClient.newBuilder().connectTimeout(timeout).build(), timeout, "http", null);
  }

  private PeerClient(HttpClient http, Duration timeout, String scheme, String token) {
    this.http = http;
    this.timeout = timeout;
    this.scheme = scheme;
    this.token = token;
  }

  /**
   * As configured: {@code aggregate.peer.timeout}; {@code aggregate.peer.token}, the bearer token
   * this instance shows the others (a client with the {@code query} role in their token file);
   * HTTPS when the instances serve TLS, trusting {@code aggregate.peer.truststore.*} (else the
   * JVM's trust store).
   */
  public static PeerClient from(ServiceConfig config, boolean tls) {
    Duration timeout = Duration.parse(config.get("aggregate.peer.timeout"));
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
    String trustStore = config.get("aggregate.peer.truststore.location", null);
    if (tls && trustStore != null) {
      http.sslContext(
          TrustStores.sslContext(
              Path.of(trustStore),
              config.get("aggregate.peer.truststore.password", ""),
              config.get("aggregate.peer.truststore.type", "PKCS12")));
    }
    return new PeerClient(
        http.build(), timeout, tls ? "https" : "http", config.get("aggregate.peer.token", null));
  }

  /**
   * The JSON body of {@code GET http(s)://host:port<pathAndQuery>}, or an exception saying why not.
   */
  public JsonNode get(HostInfo peer, String pathAndQuery) throws PeerException {
    URI uri = URI.create(scheme + "://" + peer.host() + ":" + peer.port() + pathAndQuery);
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new PeerException(
            peer + " answered " + response.statusCode() + ": " + response.body());
      }
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new PeerException(peer + " did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerException("interrupted asking " + peer);
    }
  }

  /** A peer could not give its answer. */
  public static class PeerException extends Exception {
    public PeerException(String message) {
      super(message);
    }
  }
}
