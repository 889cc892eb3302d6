package dev.earshot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.text.Languages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the labeller against a hand-labelled set: per-class precision, recall and F1, macro-F1
 * and accuracy for sentiment; per-label precision, recall and F1 for audiences, topics, brands,
 * departments and stages; language accuracy.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Scores the labeller against a labelled JSONL set (post fields + 'expected').")
public final class EvaluateCli implements Callable<Integer> {
  private static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");

  @Option(
      names = "--labelled",
      defaultValue = "eval/labelled-posts.jsonl",
      description = "Labelled set (default: ${DEFAULT-VALUE}).")
  Path labelled;

  @Mixin LabellerOptions labellerOptions = new LabellerOptions();

  @Option(
      names = "--mistakes",
      defaultValue = "0",
      description = "Print this many sentiment mistakes.")
  int mistakes;

  /** Everything measured in one run, also used by the tests. */
  record Report(
      long posts,
      Evaluation sentiment,
      double sentimentAccuracy,
      Evaluation audiences,
      Evaluation topics,
      Evaluation brands,
      Evaluation departments,
      Evaluation stages,
      double langAccuracy,
      Map<String, long[]> sentimentByLanguage,
      List<String> sentimentMistakes) {}

  @Option(
      names = "--all-sets",
      description =
          "Sentiment on every labelled set side by side (team domain, team general tweets, real"
              + " tweets), as configured and for the lexicon and RNTN baselines.")
  boolean allSets;

  @Override
  public Integer call() throws IOException {
    if (allSets) {
      SentimentTable.print(labellerOptions.settings(), System.out);
      return 0;
    }
    Report report = run(labellerOptions.create(), labelled);
    print(report, System.out, mistakes);
    return 0;
  }

  static Report run(Labeller labeller, Path file) throws IOException {
    Evaluation sentiment = new Evaluation();
    Evaluation audiences = new Evaluation();
    Evaluation topics = new Evaluation();
    Evaluation brands = new Evaluation();
    Evaluation departments = new Evaluation();
    Evaluation stages = new Evaluation();
    List<String> wrong = new ArrayList<>();
    long posts = 0;
    long sentimentRight = 0;
    long langRight = 0;
    Map<String, long[]> byLanguage = new TreeMap<>(); // expected language -> {right, posts}
    for (LabelledPosts.Labelled labelled : LabelledPosts.read(file)) {
      JsonNode expected = labelled.expected();
      EnrichedPost post = labeller.enrich(labelled.post());
      posts++;
      String expectedSentiment = expected.path("sentiment").asText();
      String actualSentiment = post.getSentiment().getLabel();
      sentiment.add(List.of(expectedSentiment), List.of(actualSentiment));
      long[] inLanguage =
          byLanguage.computeIfAbsent(
              expected.path("lang").asText(Languages.ENGLISH), l -> new long[2]);
      inLanguage[1]++;
      if (expectedSentiment.equals(actualSentiment)) {
        inLanguage[0]++;
        sentimentRight++;
      } else {
        wrong.add(
            String.format(
                "%s expected %s got %s (%.2f): %s",
                labelled.post().getId(),
                expectedSentiment,
                actualSentiment,
                post.getSentiment().getScore(),
                labelled.post().getText()));
      }
      audiences.add(strings(expected.path("audiences")), post.getAudiences());
      topics.add(strings(expected.path("topics")), post.getTopics());
      brands.add(strings(expected.path("brands")), post.getBrands());
      departments.add(optional(expected.path("department")), optional(post.getDepartment()));
      stages.add(optional(expected.path("stage")), optional(post.getStage()));
      if (expected.path("lang").asText(Languages.ENGLISH).equals(post.getLang())) {
        langRight++;
      }
    }
    return new Report(
        posts,
        sentiment,
        (double) sentimentRight / posts,
        audiences,
        topics,
        brands,
        departments,
        stages,
        (double) langRight / posts,
        byLanguage,
        wrong);
  }

  static void print(Report r, PrintStream out, int mistakes) {
    out.printf("%d labelled posts%n%n", r.posts());
    out.println("Sentiment");
    table(out, r.sentiment(), SENTIMENTS);
    out.printf("  macro-F1 %.3f   accuracy %.3f%n", r.sentiment().macroF1(), r.sentimentAccuracy());
    // Posts in other languages are read with their own word lists: their accuracy apart.
    out.print("  accuracy by language:");
    r.sentimentByLanguage()
        .forEach((lang, c) -> out.printf(" %s %.3f (%d)", lang, (double) c[0] / c[1], c[1]));
    out.printf("%n%n");
    section(out, "Audiences", r.audiences());
    section(out, "Topics", r.topics());
    section(out, "Brands", r.brands());
    section(out, "Departments", r.departments());
    section(out, "Journey stages", r.stages());
    out.printf("Language accuracy %.3f%n", r.langAccuracy());
    if (mistakes > 0) {
      out.printf(
          "%nSentiment mistakes (first %d of %d):%n", mistakes, r.sentimentMistakes().size());
      r.sentimentMistakes().stream().limit(mistakes).forEach(m -> out.println("  " + m));
    }
  }

  private static void section(PrintStream out, String title, Evaluation e) {
    out.println(title);
    table(out, e, List.copyOf(e.labels().keySet()));
    Evaluation.Counts micro = e.micro();
    out.printf(
        "  micro P %.3f R %.3f F1 %.3f   macro-F1 %.3f   exact set %.3f%n%n",
        micro.precision(), micro.recall(), micro.f1(), e.macroF1(), e.exactMatch());
  }

  private static void table(PrintStream out, Evaluation e, List<String> order) {
    out.printf("  %-20s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
    for (String label : order) {
      Evaluation.Counts c = e.labels().get(label);
      if (c == null) {
        continue;
      }
      out.printf(
          "  %-20s %9.3f %9.3f %9.3f %8d%n", label, c.precision(), c.recall(), c.f1(), c.support());
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new java.util.TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> optional(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? List.of() : List.of(node.asText());
  }

  private static List<String> optional(String value) {
    return value == null ? List.of() : List.of(value);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvaluateCli()).execute(args));
  }
}
