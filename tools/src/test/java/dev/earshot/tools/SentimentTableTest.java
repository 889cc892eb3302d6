package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.SentimentMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentTableTest {
  private static String post(int i, String text, String sentiment) {
    return String.format(
        "{\"id\":\"%d\",\"platform\":\"twitter\",\"text\":\"%s\","
            + "\"created_at\":\"2026-11-16T10:00:00Z\",\"expected\":{\"sentiment\":\"%s\"}}",
        i, text, sentiment);
  }

  @Test
  void everySetIsARowAndEveryPathAColumnAndAMissingSetIsSaid(@TempDir Path dir) throws Exception {
    Path easy = dir.resolve("easy.jsonl");
    Files.write(
        easy,
        List.of(
            post(1, "I love this, it is wonderful", "positive"),
            post(2, "I hate this, it is awful", "negative"),
            post(3, "I love this, it is wonderful", "negative")));
    Map<String, Path> sets = new LinkedHashMap<>();
    sets.put("easy set", easy);
    sets.put("absent set", dir.resolve("absent.jsonl"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    SentimentTable.print(
        LabellerSettings.defaults().withSentiment(SentimentMode.LEXICON),
        sets,
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    String table = printed.toString(StandardCharsets.UTF_8);
    assertThat(table).contains("as configured").contains("lexicon alone").contains("CoreNLP RNTN");
    // Two of three right in both lexicon columns; RNTN cannot run without its model jars here.
    assertThat(table)
        .containsPattern("easy set \\(3\\) +0\\.\\d{3} / 0\\.667 +0\\.\\d{3} / 0\\.667 +-");
    assertThat(table).contains("absent set: " + dir.resolve("absent.jsonl") + " is not here");
  }
}
