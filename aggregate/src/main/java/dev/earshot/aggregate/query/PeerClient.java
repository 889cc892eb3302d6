package dev.earshot.aggregate.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.service.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the aggregate app for its local-only answer, with connect and request
 * timeouts and a checked status: any other answer than 200 is a failure, never an empty result.
 */
public class PeerClient {
  private final HttpClient http;
  private final Duration timeout;

  public PeerClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The JSON body of {@code GET http://host:port<pathAndQuery>}, or an exception saying why not.
   */
  public JsonNode get(HostInfo peer, String pathAndQuery) throws PeerException {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).build(),
              HttpResponse.BodyHandlers.ofString());
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
