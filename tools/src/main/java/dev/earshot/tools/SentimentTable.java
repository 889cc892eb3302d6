package dev.earshot.tools;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.SentimentMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./earshot evaluate --all-sets}: sentiment on every labelled set side by side, for the
 * labeller as configured and for the two baselines (the social scorer alone, CoreNLP's RNTN), so a
 * change that helps one set and hurts another shows in one table.
 */
final class SentimentTable {
  /** The sets, in the order printed; a set whose file is missing is left out, and said so. */
  static final Map<String, Path> SETS = new LinkedHashMap<>();

  static {
    SETS.put("team domain set, held out", Path.of("eval/labelled-posts.jsonl"));
    SETS.put("team general tweets, held out", Path.of("eval/general-tweets.jsonl"));
    SETS.put(
        "real tweets, semeval2017-b, not trained on",
        Path.of(TrainingTarget.REAL_TWEETS).resolveSibling("semeval2017-b.jsonl"));
  }

  private SentimentTable() {}

  /** Prints the table: one row per set, macro-F1 / accuracy per column. */
  static void print(LabellerSettings configured, PrintStream out) throws IOException {
    print(configured, SETS, out);
  }

  static void print(LabellerSettings configured, Map<String, Path> sets, PrintStream out)
      throws IOException {
    Map<String, LabellerSettings> columns = new LinkedHashMap<>();
    columns.put("as configured", configured);
    columns.put("lexicon alone", configured.withSentiment(SentimentMode.LEXICON));
    columns.put("CoreNLP RNTN", configured.withSentiment(SentimentMode.RNTN));
    out.printf("Sentiment, macro-F1 / accuracy (positive, neutral, negative)%n");
    out.printf("  %-48s", "set (posts)");
    columns.keySet().forEach(h -> out.printf(" %15s", h));
    out.println();
    Map<String, Labeller> labellers = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    columns.forEach((name, settings) -> labellers.put(name, labeller(name, settings, notes)));
    for (Map.Entry<String, Path> set : sets.entrySet()) {
      if (!Files.exists(set.getValue())) {
        notes.add(set.getKey() + ": " + set.getValue() + " is not here");
        continue;
      }
      row(out, set.getKey(), set.getValue(), labellers);
    }
    notes.forEach(n -> out.println("  (" + n + ")"));
  }

  private static void row(PrintStream out, String name, Path file, Map<String, Labeller> labellers)
      throws IOException {
    StringBuilder cells = new StringBuilder();
    long posts = 0;
    for (Labeller labeller : labellers.values()) {
      if (labeller == null) {
        cells.append(String.format(" %15s", "-"));
        continue;
      }
      EvaluateCli.Report report = EvaluateCli.run(labeller, file);
      posts = report.posts();
      cells.append(
          String.format(
              " %15s",
              String.format(
                  "%.3f / %.3f", report.sentiment().macroF1(), report.sentimentAccuracy())));
    }
    out.printf("  %-48s%s%n", name + " (" + posts + ")", cells);
  }

  /** The column's labeller, or null (with a note) when it cannot run here: RNTN needs models. */
  private static Labeller labeller(String name, LabellerSettings settings, List<String> notes) {
    try {
      return Labeller.create(settings);
    } catch (IllegalStateException e) {
      notes.add(name + ": " + e.getMessage());
      return null;
    }
  }
}
