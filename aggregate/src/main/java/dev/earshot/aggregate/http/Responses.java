package dev.earshot.aggregate.http;

import dev.earshot.aggregate.query.Answer;
import dev.earshot.schemas.views.WindowSize;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every answer of the query API shares: its header, and 503 when it cannot be given. */
final class Responses {
  /** How long a client should wait before asking again after a 503 (a rebalance, a restart). */
  static final String RETRY_AFTER_SECONDS = "5";

  private Responses() {}

  static Map<String, Object> header(String name, WindowSize size, QueryParams.Range range) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("view", name);
    body.put("interval", size.token());
    body.put("from", range.from());
    body.put("to", range.to());
    return body;
  }

  /** 503 with Retry-After and the reason, never a partial answer. */
  static void unavailable(Context ctx, Answer<?> answer) {
    String reason = ((Answer.Unavailable<?>) answer).reason();
    ctx.status(503).header("Retry-After", RETRY_AFTER_SECONDS).json(Map.of("error", reason));
  }
}
