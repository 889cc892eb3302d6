package dev.earshot.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** {@link QueryBenchmark}'s output: a line per phase, then the medians against the targets. */
final class QueryReport {
  static final double TARGET_QUERIES_PER_SECOND = 5_000;
  static final double TARGET_CELL_P99_MS = 10;
  static final double TARGET_FORWARDED_P99_MS = 30;
  static final double TARGET_ALL_CELLS_P99_MS = 50;

  private static final String ROW = "  %-46s %10s %8s %8s %8s %8s %7s %10s%n";

  private QueryReport() {}

  /** One timed phase, as it ends. */
  static String line(int round, int scenario, String name, QueryLoad.Result r) {
    String line =
        String.format(
            "round %d, %d. %s: %,.0f queries/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms,"
                + " %,d answers of %,.0f bytes, errors %d (untimed %d)",
            round,
            scenario,
            name,
            r.perSecond(),
            r.p50(),
            r.p90(),
            r.p99(),
            r.max(),
            r.ok(),
            r.bytesPerAnswer(),
            r.errors(),
            r.untimedErrors());
    return r.firstError() == null ? line : line + "; first error: " + r.firstError();
  }

  static void print(
      QueryBenchmark.Settings settings,
      List<QueryBenchmark.Scenario> scenarios,
      List<List<QueryLoad.Result>> results,
      String ownerMovedTo) {
    System.out.printf(
        "%nQuery API: 2 aggregate instances (1 stream thread each) and the broker in this JVM, the"
            + " registry in a JVM of its own; %s: client and servers share the same %d cores."
            + " Warm-up %d s and timed %d s per scenario, %d rounds alternating the scenarios;"
            + " medians of the rounds (errors: all rounds, timed and untimed):%n",
        QueryBenchmark.WRK
            ? settings.threads()
                + " connections from wrk (closed loop, one thread, HTTP/1.1) in a"
                + " process of its own"
            : settings.threads()
                + " client threads (closed loop, JDK HttpClient, HTTP/1.1) in this"
                + " JVM too",
        Runtime.getRuntime().availableProcessors(),
        settings.warmUpSeconds(),
        settings.seconds(),
        settings.rounds());
    System.out.printf(
        ROW, "scenario", "queries/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "bytes");
    for (int i = 0; i < scenarios.size(); i++) {
      List<QueryLoad.Result> r = results.get(i);
      System.out.printf(
          ROW,
          (i + 1) + ". " + scenarios.get(i).name(),
          String.format("%,.0f", median(r, QueryLoad.Result::perSecond)),
          String.format("%.2f", median(r, QueryLoad.Result::p50)),
          String.format("%.2f", median(r, QueryLoad.Result::p90)),
          String.format("%.2f", median(r, QueryLoad.Result::p99)),
          String.format("%.2f", median(r, QueryLoad.Result::max)),
          Long.toString(errors(r)),
          String.format("%,.0f", median(r, QueryLoad.Result::bytesPerAnswer)));
    }
    targets(results);
    errorsFound(scenarios, results);
    if (ownerMovedTo != null) {
      System.out.printf(
          "NOTE: after the rounds the cell is owned by %s: a task moved during the run%n",
          ownerMovedTo);
    }
  }

  private static void targets(List<List<QueryLoad.Result>> results) {
    System.out.println("Targets (issue 10), medians against them:");
    for (int i : new int[] {1, 2}) {
      List<QueryLoad.Result> r = results.get(i);
      double qps = median(r, QueryLoad.Result::perSecond);
      double p99 = median(r, QueryLoad.Result::p99);
      System.out.printf(
          "  %d. one cell over 7 days on its owner%s: %,.0f queries/s / %,.0f = %.2fx (>= 1.00:"
              + " %s); p99 %.2f ms / %.0f ms = %.2fx (<= 1.00: %s)%n",
          i + 1,
          i == 2 ? " (interval=1h)" : " (default interval)",
          qps,
          TARGET_QUERIES_PER_SECOND,
          qps / TARGET_QUERIES_PER_SECOND,
          verdict(qps >= TARGET_QUERIES_PER_SECOND, r),
          p99,
          TARGET_CELL_P99_MS,
          p99 / TARGET_CELL_P99_MS,
          verdict(p99 <= TARGET_CELL_P99_MS, r));
    }
    p99Target("4. forwarded to the owning instance", results.get(3), TARGET_FORWARDED_P99_MS);
    p99Target("5. all cells of a view over 1 day", results.get(4), TARGET_ALL_CELLS_P99_MS);
    double floor = median(results.get(0), QueryLoad.Result::perSecond);
    System.out.printf(
        "  (1. the HTTP floor on this machine and client: %,.0f queries/s, p99 %.2f ms)%n",
        floor, median(results.get(0), QueryLoad.Result::p99));
  }

  private static void p99Target(String name, List<QueryLoad.Result> r, double target) {
    double p99 = median(r, QueryLoad.Result::p99);
    System.out.printf(
        "  %s: p99 %.2f ms / %.0f ms = %.2fx (<= 1.00: %s); %,.0f queries/s%n",
        name,
        p99,
        target,
        p99 / target,
        verdict(p99 <= target, r),
        median(r, QueryLoad.Result::perSecond));
  }

  /** Met only with no error at all in any round. */
  private static String verdict(boolean met, List<QueryLoad.Result> r) {
    if (errors(r) > 0) {
      return "NOT met: errors";
    }
    return met ? "met" : "NOT met";
  }

  private static void errorsFound(
      List<QueryBenchmark.Scenario> scenarios, List<List<QueryLoad.Result>> results) {
    for (int i = 0; i < scenarios.size(); i++) {
      for (QueryLoad.Result r : results.get(i)) {
        if (r.firstError() != null) {
          System.out.printf(
              "ERRORS in %d. %s: %d timed, %d untimed; first: %s%n",
              i + 1, scenarios.get(i).name(), r.errors(), r.untimedErrors(), r.firstError());
        }
      }
    }
  }

  private static long errors(List<QueryLoad.Result> results) {
    return results.stream().mapToLong(r -> r.errors() + r.untimedErrors()).sum();
  }

  private static double median(
      List<QueryLoad.Result> results, ToDoubleFunction<QueryLoad.Result> f) {
    return JmhSummary.median(results.stream().map(f::applyAsDouble).toList());
  }
}
