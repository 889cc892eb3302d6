package dev.earshot.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite (RELIABILITY.md): each case runs the pipeline with enrich and aggregate as
 * separate JVMs against a real broker and registry, does something a bad day does, and lets the
 * {@link Verifier} recompute every aggregate from what Kafka committed. CI runs the crash case and
 * its control; {@code -Dearshot.reliability=full} (the {@code reliability} profile) runs them all.
 * Each case appends its figures to {@code target/reliability/results.md}.
 */
class ReliabilityIT {
  private static final Duration DRAIN = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  // --- cases ----------------------------------------------------------------------------------

  /** Enrich, aggregate, then both killed with SIGKILL mid-run: every aggregate still exact. */
  @Test
  void sigkillThreeTimesMidRunLosesAndDoublesNothing() throws Exception {
    CrashRun run = crashRun("exactly_once_v2");

    assertThat(run.report.ok()).as(run.report.toString()).isTrue();
    assertThat(run.deadLetters).isZero();
    record("SIGKILL x3 mid-run, exactly_once_v2", run.report, run.notes);
  }

  /** The control: the same run under at_least_once, which the verifier must catch. */
  @Test
  void theSameRunUnderAtLeastOnceIsCaughtByTheVerifier() throws Exception {
    CrashRun run = crashRun("at_least_once");

    assertThat(run.report.ok()).as(run.report.toString()).isFalse();
    record("control: the same under at_least_once (must FAIL)", run.report, run.notes);
  }

  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void rollingRestartOfEveryInstance() throws Exception {
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(2, 2, 0);
        SequencedPosts posts = generator(cluster).start(12_000, 150)) {
      List<String> notes = new ArrayList<>();
      for (ServiceProcess s : concat(cluster.enrich(), cluster.aggregate())) {
        Thread.sleep(8_000);
        long t = System.nanoTime();
        s.stop();
        s.start(ReliabilityCluster.READY);
        notes.add(s.name() + " back in " + millis(t) + " ms");
      }
      Verifier.Report report = finish(cluster, posts);
      keepLogs(cluster, "rolling-restart");
      notes.add("dead letters " + deadLetters(cluster));
      record("rolling restart, 2 enrich + 2 aggregate", report, String.join("; ", notes));
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(deadLetters(cluster)).isZero();
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void wipedStateDirectoryIsRestoredFromTheChangelog() throws Exception {
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(1, 1, 0);
        SequencedPosts posts = generator(cluster).start(20_000, 1_000)) {
      finish(cluster, posts);
      ServiceProcess aggregate = cluster.aggregate().get(0);
      aggregate.stop();
      deleteTree(cluster.stateDir(aggregate));
      long t = System.nanoTime();
      aggregate.start(Duration.ofMinutes(5));
      long restore = millis(t);
      Verifier.Report report = verifier(cluster).verify();
      long answered = totalPosts(aggregate);
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(answered).isEqualTo(expectedTotal(cluster));
      record(
          "wiped aggregate state directory",
          report,
          "ready again (store restored) in " + restore + " ms; query total " + answered);
    }
  }

  /**
   * The aggregate's disk fills mid-run (its state directory on a small file system of its own, then
   * a file takes what is left): it must fail loudly (health 503, the reason in its log), and once
   * the space is back and it is restarted, every count is exact. Needs root (skipped else).
   */
  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void fullDiskFailsLoudlyAndLosesNothing() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("aggregate-1").resolve("state"), 1024)) {
      assumeTrue(disk != null, "mounting a tmpfs needs root");
      try (ReliabilityCluster cluster =
              new ReliabilityCluster(dir, "exactly_once_v2").start(1, 1, 0);
          SequencedPosts posts = generator(cluster).start(12_000, 300)) {
        try {
          ServiceProcess aggregate = cluster.aggregate().get(0);
          Thread.sleep(10_000);
          long sentAtFull = posts.sent();
          long filled = disk.fill();
          long t = System.nanoTime();
          boolean gaveUp = aggregate.awaitUnhealthy(Duration.ofSeconds(120));
          long after = millis(t);
          String signs = aggregate.lastSigns();
          disk.free();
          aggregate.stop();
          aggregate.start(ReliabilityCluster.READY);
          Verifier.Report report = finish(cluster, posts);
          long deadLetters = deadLetters(cluster);
          record(
              "aggregate's disk full mid-run",
              report,
              String.format(
                  "disk filled at %d posts (%d MB written); %s after %d ms; dead letters %d; %s",
                  sentAtFull,
                  filled >> 20,
                  gaveUp ? "health 503 or exited" : "still healthy",
                  after,
                  deadLetters,
                  signs));
          assertThat(gaveUp).as(signs).isTrue();
          assertThat(report.ok()).as(report.toString()).isTrue();
          assertThat(deadLetters).as("good posts dead-lettered").isZero();
        } finally {
          keepLogs(cluster, "full-disk");
        }
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void activeKilledWithAStandbyAnswersRightOr503NeverWrong() throws Exception {
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(1, 2, 1);
        SequencedPosts posts = generator(cluster).start(10_000, 1_000)) {
      Verifier.Report report = finish(cluster, posts);
      long expected = expectedTotal(cluster);
      ServiceProcess survivor = cluster.aggregate().get(1);
      cluster.aggregate().get(0).kill();
      long killed = System.nanoTime();
      long firstRight = -1;
      int right = 0;
      int unavailable = 0;
      List<String> wrong = new ArrayList<>();
      // The dead instance's partitions move to the standby once the group notices it is gone
      // (its session times out); until then a query that needs them is 503. Keep asking until
      // the survivor has answered right for a while.
      Instant until = Instant.now().plusSeconds(120);
      while (Instant.now().isBefore(until) && right < 50) {
        HttpResponse<String> r = query(survivor);
        if (r.statusCode() == 503) {
          unavailable++;
        } else if (r.statusCode() == 200 && sumPosts(r) == expected) {
          right++;
          firstRight = firstRight < 0 ? millis(killed) : firstRight;
        } else {
          wrong.add(r.statusCode() + " " + (r.statusCode() == 200 ? sumPosts(r) : r.body()));
        }
        Thread.sleep(100);
      }
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(wrong).as("answers that were neither right nor 503").isEmpty();
      assertThat(right).isPositive();
      record(
          "active aggregate killed, 1 standby",
          report,
          unavailable
              + " answers 503, then right from "
              + firstRight
              + " ms after the kill ("
              + right
              + " right answers), 0 wrong");
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void brokerRestartMidRun() throws Exception {
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(1, 1, 0);
        SequencedPosts posts = generator(cluster).start(8_000, 150)) {
      Thread.sleep(15_000);
      cluster.stopBroker();
      Thread.sleep(5_000);
      cluster.startBroker();
      Verifier.Report report = finish(cluster, posts);
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(deadLetters(cluster)).isZero();
      record("broker stopped 5 s mid-run", report, "dead letters 0");
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void registryDownForAMinuteMidRun() throws Exception {
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(1, 1, 0);
        SequencedPosts posts = generator(cluster).start(15_000, 150)) {
      Thread.sleep(10_000);
      cluster.stopRegistry();
      // A fresh enrich instance has no schema cached: it must stall until the registry is back,
      // not dead-letter what it cannot read meanwhile.
      ServiceProcess enrich = cluster.enrich().get(0);
      enrich.kill();
      Thread restart = new Thread(() -> enrich.start(Duration.ofMinutes(4)));
      restart.start();
      Thread.sleep(60_000);
      cluster.startRegistry();
      restart.join();
      Verifier.Report report = finish(cluster, posts);
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(deadLetters(cluster)).isZero();
      record(
          "registry down 60 s mid-run, enrich restarted during the outage",
          report,
          "dead letters 0");
    }
  }

  /**
   * Sustained load: the generator at a fixed rate for a long time (10 minutes by default), with
   * enrich's lag and both JVMs' resident memory sampled every 10 s; the final counts must be exact
   * and the lag at the end of the run no larger than a few seconds of input.
   */
  @Test
  @EnabledIfSystemProperty(named = "earshot.reliability", matches = "full")
  void sustainedLoad() throws Exception {
    int rate = Integer.getInteger("earshot.reliability.rate", 1_500);
    Duration length = Duration.parse(System.getProperty("earshot.reliability.length", "PT10M"));
    long count = rate * length.toSeconds();
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(1, 1, 0);
        SequencedPosts posts = generator(cluster).start(count, rate)) {
      long maxLag = 0;
      long lastLag = 0;
      long maxRss = 0;
      Instant end = Instant.now().plus(length);
      while (Instant.now().isBefore(end)) {
        Thread.sleep(10_000);
        lastLag = cluster.lag("earshot-enrich", Topics.POSTS_RAW);
        maxLag = Math.max(maxLag, lastLag);
        for (ServiceProcess s : concat(cluster.enrich(), cluster.aggregate())) {
          maxRss = Math.max(maxRss, s.residentBytes());
        }
      }
      long sent = posts.sent();
      Verifier.Report report = finish(cluster, posts);
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(lastLag).as("enrich lag at the end of the run").isLessThan(rate * 10L);
      record(
          "sustained load " + rate + " posts/s for " + length,
          report,
          String.format(
              "sent %d; enrich lag max %d, at end %d; max RSS of a service JVM %d MB",
              sent, maxLag, lastLag, maxRss / (1024 * 1024)));
    }
  }

  // --- the crash run shared by the case and its control ---------------------------------------

  private record CrashRun(Verifier.Report report, long deadLetters, String notes) {}

  private CrashRun crashRun(String guarantee) throws Exception {
    try (ReliabilityCluster cluster = new ReliabilityCluster(dir, guarantee).start(1, 1, 0);
        SequencedPosts posts = generator(cluster).start(9_000, 150)) {
      try {
        String notes = crashThreeTimes(cluster, posts);
        Verifier.Report report = finish(cluster, posts);
        return new CrashRun(report, deadLetters(cluster), notes);
      } finally {
        keepLogs(cluster, "crash-" + guarantee);
      }
    }
  }

  /** Kills enrich, then aggregate, then both, 8 s apart, restarting each at once. */
  private static String crashThreeTimes(ReliabilityCluster cluster, SequencedPosts posts)
      throws InterruptedException {
    ServiceProcess enrich = cluster.enrich().get(0);
    ServiceProcess aggregate = cluster.aggregate().get(0);
    List<String> notes = new ArrayList<>();
    for (List<ServiceProcess> victims :
        List.of(List.of(enrich), List.of(aggregate), List.of(enrich, aggregate))) {
      Thread.sleep(8_000);
      long t = System.nanoTime();
      victims.forEach(ServiceProcess::kill);
      victims.forEach(v -> v.start(ReliabilityCluster.READY));
      notes.add(
          victims.stream().map(ServiceProcess::name).toList()
              + " killed at "
              + posts.sent()
              + " posts, ready again in "
              + millis(t)
              + " ms");
    }
    return String.join("; ", notes);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static SequencedPosts generator(ReliabilityCluster cluster) {
    return new SequencedPosts(cluster.bootstrapServers(), cluster.registryUrl());
  }

  private static Verifier verifier(ReliabilityCluster cluster) {
    return new Verifier(cluster.bootstrapServers(), cluster.registryUrl());
  }

  /** Waits for the generator and for both stages to drain, then verifies. */
  private static Verifier.Report finish(ReliabilityCluster cluster, SequencedPosts posts)
      throws InterruptedException {
    posts.awaitDone(DRAIN);
    await().atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).until(cluster::drained);
    return verifier(cluster).verify();
  }

  private static long deadLetters(ReliabilityCluster cluster) {
    try (var admin = cluster.admin()) {
      long total = 0;
      for (String topic : List.of(Topics.ENRICH_DLQ, Topics.AGGREGATE_DLQ)) {
        var ends =
            new java.util.HashMap<
                org.apache.kafka.common.TopicPartition,
                org.apache.kafka.clients.admin.OffsetSpec>();
        for (int p = 0; p < ReliabilityCluster.PARTITIONS; p++) {
          ends.put(
              new org.apache.kafka.common.TopicPartition(topic, p),
              org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        for (var e : admin.listOffsets(ends).all().get().values()) {
          total += e.offset();
        }
      }
      return total;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of posts the verifier expects summed over every cell. */
  private static long expectedTotal(ReliabilityCluster cluster) {
    return verifier(cluster).verify().cellPosts();
  }

  private static HttpResponse<String> query(ServiceProcess aggregate) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    aggregate.url()
                        + "/api/v1/views/audience-topic/cells?limit=1000&from=1970-01-01&to="
                        + Instant.now().plus(Duration.ofDays(1)).toString().substring(0, 10)))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long totalPosts(ServiceProcess aggregate) throws Exception {
    HttpResponse<String> r = query(aggregate);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return sumPosts(r);
  }

  private static long sumPosts(HttpResponse<String> r) throws IOException {
    long sum = 0;
    for (JsonNode cell : JSON.readTree(r.body()).get("result")) {
      sum += cell.get("posts").asLong();
    }
    return sum;
  }

  private static void record(String name, Verifier.Report report, String notes) throws IOException {
    Path results = Path.of("target", "reliability", "results.md");
    Files.createDirectories(results.getParent());
    Files.writeString(
        results,
        "| "
            + Instant.now()
            + " | "
            + name
            + " | "
            + (report.ok() ? "ok" : "NOT ok")
            + " | "
            + report
            + " | "
            + notes
            + " |\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Copies every service's log to target/reliability/logs/<case>/, for a case to be read later. */
  private static void keepLogs(ReliabilityCluster cluster, String name) throws IOException {
    Path to = Path.of("target", "reliability", "logs", name);
    Files.createDirectories(to);
    for (ServiceProcess s : concat(cluster.enrich(), cluster.aggregate())) {
      if (Files.exists(s.logFile())) {
        Files.copy(
            s.logFile(),
            to.resolve(s.name() + ".log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static List<ServiceProcess> concat(List<ServiceProcess> a, List<ServiceProcess> b) {
    List<ServiceProcess> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
