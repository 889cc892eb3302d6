package dev.earshot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an ops engineer imports: the Grafana dashboard and the Prometheus rules under {@code
 * deploy/}, and every PromQL expression in them, named by where it is.
 */
final class WatchFiles {
  /** The tests run in the deploy module's directory. */
  static final Path DASHBOARD = Path.of("grafana", "earshot.json");

  static final Path RULES = Path.of("prometheus", "earshot-rules.yml");
  static final Path RULES_TEST = Path.of("prometheus", "earshot-rules.test.yml");

  /** Grafana's {@code label_values(metric_expression, label)} variable query. */
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

  static JsonNode dashboard() {
    return read(new ObjectMapper(), DASHBOARD);
  }

  static JsonNode rules() {
    return read(new YAMLMapper(), RULES);
  }

  /** Every panel, those inside collapsed rows too. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every PromQL expression of the dashboard and the rules: where it is -> the expression. */
  static Map<String, String> expressions() {
    Map<String, String> expressions = new LinkedHashMap<>();
    JsonNode dashboard = dashboard();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        expressions.put(
            "panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asText() : query.asText();
        Matcher m = LABEL_VALUES.matcher(text);
        expressions.put(
            "variable " + variable.path("name").asText(), m.matches() ? m.group(1) : text);
      }
    }
    for (JsonNode group : rules().path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String name =
            rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
        expressions.put("rule " + name, rule.path("expr").asText());
      }
    }
    return expressions;
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
  }

  private WatchFiles() {}
}
