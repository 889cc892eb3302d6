package dev.earshot.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.labels.Labeller;
import dev.earshot.schemas.PostParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Labels a JSONL file of posts with the same code as the enrich stream, so analysts can try a rules
 * file on a sample before publishing it.
 */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = "Labels posts (JSONL, the ingest format) and writes one JSON result per line.")
public final class EnrichCli implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--in", required = true, description = "JSONL file of posts.")
  Path in;

  @Option(names = "--out", required = true, description = "Where to write the labelled JSONL.")
  Path out;

  @Mixin LabellerOptions labellerOptions = new LabellerOptions();

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Labeller labeller = labellerOptions.create();
    PostParser parser = new PostParser(Clock.systemUTC());
    long total;
    try (var lines = Files.lines(in, StandardCharsets.UTF_8)) {
      total = lines.count();
    }
    Progress progress = new Progress(System.err, total, quiet);
    Summary summary = new Summary();
    try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        progress.update(number);
        if (line.isBlank()) {
          continue;
        }
        PostParser.Result result = parser.parse(line, "file:" + in.getFileName() + ":" + number);
        if (result instanceof PostParser.Invalid invalid) {
          summary.refused(number, invalid);
          continue;
        }
        try {
          EnrichedPost post = labeller.enrich(((PostParser.Valid) result).post());
          writer.write(JSON.writeValueAsString(toJson(post)));
          writer.newLine();
          summary.labelled(post);
        } catch (RuntimeException e) {
          summary.failed(number, e);
        }
      }
    }
    progress.done();
    summary.print(System.err, out);
    return 0;
  }

  /** The output format documented in the README. */
  static ObjectNode toJson(EnrichedPost post) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", post.getPost().getId());
    node.put("platform", post.getPost().getPlatform());
    node.put("lang", post.getLang());
    ObjectNode sentiment = node.putObject("sentiment");
    sentiment.put("label", post.getSentiment().getLabel());
    sentiment.put("score", Math.round(post.getSentiment().getScore() * 1000) / 1000.0);
    sentiment.put("decided_by", post.getSentiment().getDecidedBy());
    post.getAudiences().forEach(node.putArray("audiences")::add);
    post.getTopics().forEach(node.putArray("topics")::add);
    post.getBrands().forEach(node.putArray("brands")::add);
    node.put("department", post.getDepartment());
    node.put("stage", post.getStage());
    node.put("taxonomy_version", post.getTaxonomyVersion());
    return node;
  }

  /** Counts for the closing summary. */
  private static final class Summary {
    private final long startNanos = System.nanoTime();
    private long labelled;
    private long refused;
    private long failed;
    private final Map<String, Long> labels = new TreeMap<>();

    void labelled(EnrichedPost post) {
      labelled++;
      count("sentiment", post.getSentiment().getLabel());
      post.getAudiences().forEach(a -> count("audience", a));
      post.getTopics().forEach(t -> count("topic", t));
      post.getBrands().forEach(b -> count("brand", b));
      count("department", post.getDepartment() == null ? "(none)" : post.getDepartment());
      count("stage", post.getStage() == null ? "(none)" : post.getStage());
      count("lang", post.getLang());
    }

    void refused(long line, PostParser.Invalid invalid) {
      refused++;
      System.err.printf("%nline %d refused (%s): %s%n", line, invalid.field(), invalid.reason());
    }

    void failed(long line, RuntimeException e) {
      failed++;
      System.err.printf("%nline %d failed: %s%n", line, e.getMessage());
    }

    private void count(String kind, String label) {
      labels.merge(kind + " " + label, 1L, Long::sum);
    }

    void print(PrintStream err, Path out) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      err.printf(
          "%d posts labelled, %d refused, %d failed in %.1f s (%.0f posts/s) -> %s%n",
          labelled, refused, failed, seconds, labelled / Math.max(seconds, 1e-9), out);
      labels.forEach((label, count) -> err.printf("  %-40s %6d%n", label, count));
    }
  }

  /** A one-line progress bar on stderr, redrawn at most every 200 ms. */
  private static final class Progress {
    private final PrintStream err;
    private final long total;
    private final boolean quiet;
    private long lastDraw;

    Progress(PrintStream err, long total, boolean quiet) {
      this.err = err;
      this.total = Math.max(total, 1);
      this.quiet = quiet;
    }

    void update(long done) {
      long now = System.nanoTime();
      if (quiet || now - lastDraw < 200_000_000L) {
        return;
      }
      lastDraw = now;
      int width = 30;
      int filled = (int) (width * done / total);
      err.printf(
          "\r[%s%s] %3d%% %d/%d",
          "#".repeat(filled), "-".repeat(width - filled), 100 * done / total, done, total);
    }

    void done() {
      if (!quiet) {
        lastDraw = 0;
        update(total);
        err.println();
      }
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EnrichCli()).execute(args));
  }
}
