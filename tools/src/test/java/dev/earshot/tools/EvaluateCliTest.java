package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCliTest {
  private static String post(String id, String text, String lang, String sentiment) {
    return String.format(
        "{\"id\":\"%s\",\"platform\":\"twitter\",\"text\":\"%s\","
            + "\"created_at\":\"2026-11-16T10:00:00Z\",\"expected\":{\"lang\":\"%s\","
            + "\"sentiment\":\"%s\",\"audiences\":[],\"topics\":[],\"brands\":[],"
            + "\"department\":null,\"stage\":null}}",
        id, text, lang, sentiment);
  }

  @Test
  void sentimentAccuracyIsAlsoReportedPerLanguage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.write(
        file,
        List.of(
            post("1", "I love this card, amazing", "en", "positive"),
            post("2", "worst service ever, awful", "en", "negative"),
            post("3", "la atención fue pésima, qué vergüenza", "es", "negative"),
            // labelled positive, but nothing in it says so: the one mistake
            post("4", "la tarjeta llegó hoy", "es", "positive")),
        StandardCharsets.UTF_8);

    EvaluateCli.Report report = EvaluateCli.run(new LabellerOptions().create(), file);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EvaluateCli.print(report, new PrintStream(printed, true, StandardCharsets.UTF_8), 0);

    assertThat(report.sentimentByLanguage().get("en")).containsExactly(2, 2);
    assertThat(report.sentimentByLanguage().get("es")).containsExactly(1, 2);
    assertThat(report.sentimentAccuracy()).isEqualTo(0.75);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("accuracy by language: en 1.000 (2) es 0.500 (2)");
  }
}
