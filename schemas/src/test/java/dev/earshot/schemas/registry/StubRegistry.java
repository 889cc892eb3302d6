package dev.earshot.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in schema registry on 127.0.0.1 with an ephemeral port: it records every request and
 * answers with whatever the test's responder returns.
 */
final class StubRegistry implements AutoCloseable {

  /** A request as the server saw it; {@code rawPath} and {@code rawQuery} are not decoded. */
  record Request(
      String method,
      String rawPath,
      String rawQuery,
      String contentType,
      String authorization,
      String body) {}

  record Reply(int status, String body) {
    static Reply ok(String body) {
      return new Reply(200, body);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Reply> responder =
      r -> new Reply(500, "{\"error_code\":50001,\"message\":\"no responder\"}");

  StubRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  StubRegistry respond(Function<Request, Reply> responder) {
    this.responder = responder;
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body);
      requests.add(request);
      Reply reply;
      try {
        reply = responder.apply(request);
      } catch (RuntimeException e) {
        reply = new Reply(500, "{\"error_code\":50001,\"message\":\"stub failed: " + e + "\"}");
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
