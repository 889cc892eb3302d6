package dev.earshot.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerClientTest {
  private HttpServer server;
  private volatile int status = 200;
  private volatile String body = "{\"result\":[]}";
  private volatile long delayMillis;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Thread.sleep(delayMillis);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HostInfo peer() {
    return new HostInfo("127.0.0.1", server.getAddress().getPort());
  }

  @Test
  void shouldReturnThePeersJsonOn200() throws Exception {
    body = "{\"result\":[{\"audience\":\"newlyweds\"}]}";
    assertThat(
            new PeerClient(Duration.ofSeconds(2))
                .get(peer(), "/api/v1/views/topic/partials")
                .path("result")
                .get(0)
                .path("audience")
                .asText())
        .isEqualTo("newlyweds");
  }

  @Test
  void shouldTreatAnyOtherStatusAsAFailureNamingThePeerAndStatus() {
    status = 503;
    body = "{\"error\":\"rebalancing\"}";
    assertThatThrownBy(() -> new PeerClient(Duration.ofSeconds(2)).get(peer(), "/x"))
        .isInstanceOf(PeerClient.PeerException.class)
        .hasMessageContaining("503")
        .hasMessageContaining(String.valueOf(server.getAddress().getPort()));
  }

  @Test
  void shouldGiveUpOnASlowPeerAfterTheTimeout() {
    delayMillis = 2_000;
    assertThatThrownBy(() -> new PeerClient(Duration.ofMillis(200)).get(peer(), "/x"))
        .isInstanceOf(PeerClient.PeerException.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void shouldFailWhenNothingListens() {
    HostInfo closed = peer();
    server.stop(0);
    assertThatThrownBy(() -> new PeerClient(Duration.ofSeconds(1)).get(closed, "/x"))
        .isInstanceOf(PeerClient.PeerException.class);
  }
}
