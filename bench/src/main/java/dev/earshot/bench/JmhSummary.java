package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians of the JMH measurement iterations, and each benchmark's ratio to the RNTN baseline. */
public final class JmhSummary {
  public static void main(String[] args) throws Exception {
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Double> medians = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String name = result.path("benchmark").asText();
      List<Double> iterations = new ArrayList<>();
      for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
        fork.forEach(v -> iterations.add(v.asDouble()));
      }
      medians.put(name.substring(name.lastIndexOf('.') + 1), median(iterations));
    }
    Double baseline = medians.get("rntnBaseline");
    System.out.println("Library path, one thread, posts/s (median of measurement iterations):");
    medians.forEach(
        (name, median) ->
            System.out.printf(
                "  %-14s %10.1f posts/s   %s%n",
                name,
                median,
                baseline == null
                    ? ""
                    : String.format("%.0fx the RNTN baseline", median / baseline)));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private JmhSummary() {}
}
