package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.topics.TopicModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCliTest {
  private static String post(int i, String text, String sentiment, String lang) {
    return String.format(
        "{\"id\":\"t%d\",\"platform\":\"twitter\",\"text\":\"%s\","
            + "\"created_at\":\"2026-11-16T10:00:00Z\",\"expected\":{\"lang\":\"%s\","
            + "\"sentiment\":\"%s\"}}",
        i, text, lang, sentiment);
  }

  private static Path labelled(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add(post(i, "card " + i + " zorbled again", "negative", "en"));
      lines.add(post(100 + i, "card " + i + " arrived today", "neutral", "en"));
      lines.add(post(200 + i, "card " + i + " quuxed nicely", "positive", "en"));
    }
    // Not English: never scored by the model, so never trained on, whatever its label.
    lines.add(post(999, "la tarjeta zorbled", "positive", "es"));
    Path file = dir.resolve("train.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void writesAModelThatLearnedTheTrainingWords(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("model.tsv");

    int code =
        train(
            "--target",
            "sentiment",
            "--labelled",
            labelled(dir).toString(),
            "--out",
            out.toString());

    assertThat(code).isZero();
    SentimentModel model = SentimentModel.read(out);
    assertThat(model.linear().comments()).anyMatch(c -> c.contains("90 posts"));
    assertThat(model.score(Map.of("u:zorbled", 1.0)).label()).isEqualTo("negative");
    assertThat(model.score(Map.of("u:quuxed", 1.0)).label()).isEqualTo("positive");
  }

  @Test
  void crossValidationPrintsScoresAndWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("model.tsv");

    String printed =
        printedBy(
            "--target",
            "sentiment",
            "--labelled",
            labelled(dir).toString(),
            "--out",
            out.toString(),
            "--cross-validate",
            "3");

    assertThat(printed)
        .contains("sentiment: 3-fold cross-validation on 90 posts")
        .contains("macro-F1 1.000 accuracy 1.000");
    assertThat(out).doesNotExist();
  }

  @Test
  void aSupplementCountsAsManyTimesAsItsWeight(@TempDir Path dir) throws Exception {
    Path supplement = dir.resolve("supplement.jsonl");
    Files.write(
        supplement,
        List.of(
            post(500, "card blorfed", "negative", "en"),
            post(501, "card glimmed", "positive", "en")),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("model.tsv");

    int code =
        train(
            "--target",
            "sentiment",
            "--labelled",
            labelled(dir).toString(),
            "--supplement",
            supplement.toString(),
            "--supplement-weight",
            "3",
            "--out",
            out.toString());

    assertThat(code).isZero();
    List<String> comments = SentimentModel.read(out).linear().comments();
    assertThat(comments).anyMatch(c -> c.contains("96 posts")); // 90 + 3 x 2
    assertThat(comments).anyMatch(c -> c.contains(supplement + " (x3)"));
  }

  @Test
  void aSupplementWeightBelowOneIsRefused(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("model.tsv");

    int code =
        train(
            "--target",
            "sentiment",
            "--labelled",
            labelled(dir).toString(),
            "--supplement",
            labelled(dir).toString(),
            "--supplement-weight",
            "0",
            "--out",
            out.toString());

    assertThat(code).isNotZero();
    assertThat(out).doesNotExist();
  }

  @Test
  void trainsADepartmentModelWithNoneForPostsNoTeamShouldPickUp(@TempDir Path dir)
      throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(routed(i, "my card " + i + " got lost in the mailbox", "\"logistics\""));
      lines.add(routed(100 + i, "they are hiring interns " + i + " this spring", "\"hr\""));
      lines.add(routed(200 + i, "nice weather " + i + " today", "null"));
    }
    Path file = dir.resolve("routed.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("department.tsv");

    int code =
        train("--target", "department", "--labelled", file.toString(), "--out", out.toString());

    assertThat(code).isZero();
    RoutingModel model = RoutingModel.read(out);
    assertThat(model.linear().classes())
        .containsExactly("service", "logistics", "sales", "hr", "marketing", "product", "none");
    assertThat(model.label(Map.of("u:mailbox", 1.0))).contains("logistics");
    assertThat(model.label(Map.of("u:hiring", 1.0))).contains("hr");
    assertThat(model.label(Map.of("u:weather", 1.0))).isEmpty();
  }

  private static String routed(int i, String text, String department) {
    return String.format(
        "{\"id\":\"r%d\",\"platform\":\"twitter\",\"text\":\"%s\","
            + "\"created_at\":\"2026-11-16T10:00:00Z\",\"expected\":{\"lang\":\"en\","
            + "\"sentiment\":\"neutral\",\"department\":%s}}",
        i, text, department);
  }

  private static Path topicsLabelled(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String topics = i % 2 == 0 ? "[\"card-consolidation\"]" : "[]";
      // words no phrase of the default taxonomy knows
      String text = i % 2 == 0 ? "blorp " + i : "quux " + i;
      lines.add(
          String.format(
              "{\"id\":\"p%d\",\"platform\":\"twitter\",\"text\":\"%s\","
                  + "\"created_at\":\"2026-11-16T10:00:00Z\","
                  + "\"expected\":{\"lang\":\"en\",\"topics\":%s}}",
              i, text, topics));
    }
    Path file = dir.resolve("topics.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void writesATopicModelWithItsThreshold(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("topics.tsv");

    int code =
        train(
            "--target",
            "topics",
            "--labelled",
            topicsLabelled(dir).toString(),
            "--threshold",
            "0.6",
            "--out",
            out.toString());

    assertThat(code).isZero();
    TopicModel model = TopicModel.read(out);
    assertThat(model.linear().row(TopicModel.THRESHOLD)).containsOnly(0.6);
    int consolidation = model.topics().indexOf("card-consolidation");
    assertThat(model.linear().independentProbabilities(Map.of("u:blorp", 1.0))[consolidation])
        .isGreaterThan(0.6);
    assertThat(model.linear().independentProbabilities(Map.of("u:quux", 1.0))[consolidation])
        .isLessThan(0.4);
  }

  @Test
  void crossValidatesTopicsAgainstThePhrasesAlone(@TempDir Path dir) throws Exception {
    String out =
        printedBy(
            "--target",
            "topics",
            "--labelled",
            topicsLabelled(dir).toString(),
            "--cross-validate",
            "4");

    assertThat(out).contains("4-fold cross-validation on 40 posts");
    // no default phrase says "blorp": the phrases find none (precision undefined), the model all 20
    assertThat(out).containsPattern("phrases +NaN +0\\.000");
    assertThat(out).containsPattern("0\\.50 +1\\.000 +1\\.000");
  }

  /** What train prints on stdout with these arguments; it must exit with 0. */
  private static String printedBy(String... args) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(train(args)).isZero();
    } finally {
      System.setOut(stdout);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Runs {@code ./earshot train} with these arguments; its exit code. */
  private static int train(String... args) {
    return new CommandLine(new TrainCli()).execute(args);
  }
}
