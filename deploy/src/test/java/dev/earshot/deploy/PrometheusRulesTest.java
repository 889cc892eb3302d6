package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The alert rules pass {@code promtool check rules} and their own unit tests ({@code promtool test
 * rules}), every alert has a test that fires it and one that does not, and the dashboard is one
 * Grafana can import: every panel reads the {@code DS_PROMETHEUS} data source with a PromQL
 * expression. Whether the metric names exist is MetricNamesIT's job, on a live stack.
 */
class PrometheusRulesTest {
  /** {@code tools/promtool}: promtool from PATH, else Debian's package unpacked into a cache. */
  private static final Path PROMTOOL = Path.of("..", "tools", "promtool");

  /** The script's exit code when it cannot obtain promtool (EX_UNAVAILABLE). */
  private static final int PROMTOOL_UNAVAILABLE = 69;

  private static final String DATA_SOURCE = "${DS_PROMETHEUS}";

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    assumePromtool();
    Run check = promtool("check", "rules", WatchFiles.RULES.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
  }

  @Test
  void theRulesPassTheirPromtoolUnitTests() throws Exception {
    assumePromtool();
    Run test = promtool("test", "rules", WatchFiles.RULES_TEST.toString());
    assertThat(test.exitCode()).as(test.output()).isZero();
  }

  @Test
  void everyAlertHasATestWhereItFiresAndOneWhereItDoesNot() throws IOException {
    JsonNode tests = new YAMLMapper().readTree(WatchFiles.RULES_TEST.toFile());
    assertThat(tests.path("rule_files").get(0).asText())
        .isEqualTo(WatchFiles.RULES.getFileName().toString());
    Set<String> fires = new HashSet<>();
    Set<String> staysSilent = new HashSet<>();
    for (JsonNode test : tests.path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        String alert = check.path("alertname").asText();
        (check.path("exp_alerts").isEmpty() ? staysSilent : fires).add(alert);
      }
    }
    Set<String> alerts = alertNames();
    assertThat(alerts).isNotEmpty();
    assertThat(fires).as("alerts tested firing").containsAll(alerts);
    assertThat(staysSilent).as("alerts tested silent").containsAll(alerts);
  }

  @Test
  void everyRuleIsAnAlertWithASeverityAndASummary() {
    for (JsonNode group : WatchFiles.rules().path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        assertThat(rule.path("alert").asText()).as(rule.toString()).startsWith("Earshot");
        assertThat(rule.path("labels").path("severity").asText())
            .as(rule.path("alert").asText())
            .isIn("warning", "critical");
        assertThat(rule.path("annotations").path("summary").asText())
            .as(rule.path("alert").asText())
            .isNotBlank();
      }
    }
  }

  @Test
  void theReadmeNamesTheDashboardTheRulesAndEveryAlert() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> named = new ArrayList<>();
    named.add("deploy/" + WatchFiles.DASHBOARD.toString().replace('\\', '/'));
    named.add("deploy/" + WatchFiles.RULES.toString().replace('\\', '/'));
    named.addAll(alertNames());
    assertThat(named).as("named in README.md").allMatch(readme::contains);
  }

  @Test
  void theDashboardIsImportableWithItsDataSourceAsAnInput() {
    JsonNode dashboard = WatchFiles.dashboard();
    assertThat(dashboard.path("uid").asText()).isEqualTo("earshot");
    assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
    JsonNode input = dashboard.path("__inputs").get(0);
    assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
    assertThat(input.path("type").asText()).isEqualTo("datasource");
    assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
    // A data source variable of the same name, so that a provisioned copy (no import step to fill
    // the input in) finds the default Prometheus.
    List<String> dataSourceVariables = new ArrayList<>();
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("datasource")) {
        dataSourceVariables.add(variable.path("name").asText());
      }
    }
    assertThat(dataSourceVariables).containsExactly("DS_PROMETHEUS");
  }

  @Test
  void everyPanelReadsPrometheusWithAnExpressionAndHasItsOwnId() {
    JsonNode dashboard = WatchFiles.dashboard();
    List<JsonNode> panels = WatchFiles.panels(dashboard);
    assertThat(panels).hasSizeGreaterThan(10);
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertThat(panel.path("id").isInt()).as(title).isTrue();
      assertThat(ids.add(panel.path("id").asInt())).as("id of %s is unique", title).isTrue();
      assertThat(panel.path("gridPos").path("w").asInt()).as(title).isPositive();
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(DATA_SOURCE);
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        String expression = target.path("expr").asText();
        assertThat(expression).as(title).isNotBlank();
        assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo(DATA_SOURCE);
        assertThat(PromQlNames.of(expression)).as("%s reads a metric", title).isNotEmpty();
      }
    }
    assertThat(panels)
        .as("the two rows")
        .filteredOn(p -> p.path("type").asText().equals("row"))
        .extracting(p -> p.path("title").asText())
        .containsExactly("Pipeline health", "Listening: volume and sentiment");
  }

  @Test
  void metricNamesAreReadFromPromQlWithoutFunctionsLabelsOrGrafanaVariables() {
    assertThat(
            PromQlNames.of(
                "histogram_quantile(0.99, sum by (job, le) (rate("
                    + "earshot_enrich_labelling_seconds_bucket{job=~\"$job\"}[$__rate_interval])))"))
        .containsExactly("earshot_enrich_labelling_seconds_bucket");
    assertThat(PromQlNames.of("up{job=~\".*earshot.*\"} == 0")).containsExactly("up");
    assertThat(
            PromQlNames.of(
                "max by (service) (a_lag{client_id=~\".+-consumer\"}) > 1000\nand on (service)"
                    + " max(deriv(b_lag[10m] offset 5m)) > 0"))
        .containsExactly("a_lag", "b_lag");
    assertThat(
            PromQlNames.of(
                "sum(increase(x_total{sentiment=\"negative\"}[$__range])) / sum without (lang)"
                    + " (increase(y_total[1h])) * 60"))
        .containsExactly("x_total", "y_total");
    assertThat(
            PromQlNames.of(
                "label_replace(m{a=\"{b}\"}, \"dst\", \"$1\", \"src\", \"(.*)\") * on (i)"
                    + " group_left (v) n"))
        .containsExactly("m", "n");
  }

  private static Set<String> alertNames() {
    Set<String> names = new TreeSet<>();
    for (JsonNode group : WatchFiles.rules().path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          names.add(rule.path("alert").asText());
        }
      }
    }
    return names;
  }

  /** Skips (not fails) the promtool checks where promtool cannot be had, saying how to get it. */
  private static void assumePromtool() throws Exception {
    Run version = promtool("--version");
    Assumptions.assumeTrue(
        version.exitCode() != PROMTOOL_UNAVAILABLE,
        () ->
            "promtool is not available, so the rules are not checked: "
                + version.output().strip()
                + " (apt-get install prometheus, or put promtool on PATH)");
    assertThat(version.exitCode()).as(version.output()).isZero();
  }

  private static Run promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(PROMTOOL.toString());
    command.addAll(List.of(args));
    // The output goes to a file, so that the wait below stays bounded even if promtool hangs.
    Path output = Files.createTempFile("promtool", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      // The first run may download the package: a bounded wait, generous for a slow mirror.
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("promtool did not finish: " + String.join(" ", command));
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private record Run(int exitCode, String output) {}
}
