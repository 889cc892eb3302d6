package dev.earshot.aggregate.query;

import dev.earshot.avro.Alert;
import java.time.Instant;
import java.util.List;

/** An alert as the API returns it (every field as documented in the Alert Avro schema). */
public record AlertSummary(
    String id,
    String kind,
    String severity,
    String view,
    String topic,
    String brand,
    Instant windowStart,
    Instant windowEnd,
    double value,
    double baseline,
    double z,
    long posts,
    long negative,
    int baselineWindows,
    List<String> examplePosts,
    Instant raisedAt) {
  public static AlertSummary of(Alert alert) {
    return new AlertSummary(
        alert.getId(),
        alert.getKind(),
        alert.getSeverity(),
        alert.getView(),
        alert.getTopic(),
        alert.getBrand(),
        alert.getWindowStart(),
        alert.getWindowEnd(),
        alert.getValue(),
        alert.getBaseline(),
        alert.getZ(),
        alert.getPosts(),
        alert.getNegative(),
        alert.getBaselineWindows(),
        List.copyOf(alert.getExamplePosts()),
        alert.getRaisedAt());
  }
}
