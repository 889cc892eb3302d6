package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnrichCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldWriteOneResultPerValidPostInTheDocumentedFormat(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("posts.jsonl");
    Files.write(
        in,
        List.of(
            "{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"Just married! Balance transfer to"
                + " @AcmeCard approved in minutes, love it\",\"created_at\":\"2026-11-16T10:00:00Z\"}",
            "not json",
            "",
            "{\"id\":\"2\",\"platform\":\"reddit\",\"text\":\"Globex froze my card for fraud and"
                + " customer service hung up on me\",\"created_at\":\"2026-11-16T11:00:00Z\"}"),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("labelled.jsonl");

    int code =
        new CommandLine(new EnrichCli())
            .execute("--in", in.toString(), "--out", out.toString(), "--quiet");

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "platform",
            "lang",
            "sentiment",
            "audiences",
            "topics",
            "brands",
            "department",
            "stage",
            "taxonomy_version");
    assertThat(first.path("id").asText()).isEqualTo("1");
    assertThat(first.path("sentiment").path("label").asText()).isEqualTo("positive");
    assertThat(first.path("audiences").toString()).isEqualTo("[\"newlyweds\"]");
    assertThat(first.path("topics").toString()).contains("card-consolidation");
    assertThat(first.path("brands").toString()).isEqualTo("[\"acme\"]");
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(second.path("department").asText()).isEqualTo("service");
    assertThat(second.path("brands").toString()).isEqualTo("[\"globex\"]");
  }
}
