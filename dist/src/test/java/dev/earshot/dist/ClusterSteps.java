package dev.earshot.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of the README's "Running on a real cluster", read from the README itself: step 2's
 * {@code bin/earshot topics ...} and step 4's service launchers, and the post that "Querying" sends
 * with curl. Any change in the README's shape that would make a step unreadable fails here, naming
 * what was expected, rather than letting the test run something else.
 */
record ClusterSteps(List<String> topics, List<List<String>> services, String post) {
  static final String SECTION = "## Running on a real cluster";
  private static final Pattern TOPICS = Pattern.compile("`(bin/earshot topics [^`]+)`");
  private static final Pattern FENCED = Pattern.compile("```bash\n(.*?)\n\\s*```", Pattern.DOTALL);
  private static final Pattern CURL_POST =
      Pattern.compile("curl -XPOST \\S+/api/v1/posts -d '(\\{.*?})'", Pattern.DOTALL);

  static ClusterSteps read(Path readme) throws IOException {
    String text = Files.readString(readme);
    String section = section(text, SECTION);
    return new ClusterSteps(
        topicsCommand(step(section, 2)),
        serviceCommands(step(section, 4)),
        post(section(text, "## Querying")));
  }

  /** Step 2's command with the cluster's bootstrap servers and replication factor put in. */
  List<String> topics(String bootstrapServers, int replicationFactor) {
    List<String> command = new ArrayList<>(topics);
    replaceValue(command, "--bootstrap-servers", bootstrapServers);
    replaceValue(command, "--replication-factor", String.valueOf(replicationFactor));
    return command;
  }

  /** The launcher of a step-4 command ({@code bin/earshot-enrich}) and its config file. */
  static String launcher(List<String> command) {
    return command.get(0);
  }

  static String configFile(List<String> command) {
    return command.get(command.indexOf("--config") + 1);
  }

  private static String section(String text, String heading) {
    int start = text.indexOf("\n" + heading + "\n");
    require(start >= 0, "a README section '" + heading + "'");
    int end = text.indexOf("\n## ", start + 1);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  /** The text of numbered step {@code n}: from "n. " at a line start to the next step. */
  private static String step(String section, int n) {
    Matcher start = Pattern.compile("\n" + n + "\\. ").matcher(section);
    require(start.find(), "step " + n + ". in '" + SECTION + "'");
    Matcher next = Pattern.compile("\n" + (n + 1) + "\\. ").matcher(section);
    int end = next.find(start.end()) ? next.start() : section.length();
    return section.substring(start.start(), end);
  }

  private static List<String> topicsCommand(String step) {
    Matcher m = TOPICS.matcher(step);
    require(m.find(), "step 2 to show `bin/earshot topics ...` in backticks");
    List<String> command = words(m.group(1));
    require(
        command.contains("--bootstrap-servers") && command.contains("--replication-factor"),
        "step 2's command to name --bootstrap-servers and --replication-factor: " + command);
    return command;
  }

  private static List<List<String>> serviceCommands(String step) {
    Matcher m = FENCED.matcher(step);
    require(m.find(), "step 4 to hold a ```bash block");
    List<List<String>> commands = new ArrayList<>();
    for (String line : m.group(1).split("\n")) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        commands.add(words(line));
      }
    }
    List<String> launchers = commands.stream().map(ClusterSteps::launcher).toList();
    require(
        launchers.equals(
            List.of("bin/earshot-ingest", "bin/earshot-enrich", "bin/earshot-aggregate")),
        "step 4's block to run bin/earshot-ingest, -enrich and -aggregate, in that order: "
            + launchers);
    for (List<String> command : commands) {
      require(
          command.size() == 3 && command.get(1).equals("--config"),
          "each of step 4's commands to be `bin/earshot-<service> --config <file>`: " + command);
    }
    return List.copyOf(commands);
  }

  private static String post(String querying) {
    Matcher m = CURL_POST.matcher(querying);
    require(m.find(), "'Querying' to POST a post with curl -XPOST .../api/v1/posts -d '{...}'");
    return m.group(1);
  }

  private static void replaceValue(List<String> command, String option, String value) {
    int at = command.indexOf(option);
    require(at >= 0 && at + 1 < command.size(), option + " with a value in " + command);
    command.set(at + 1, value);
  }

  private static List<String> words(String line) {
    return Arrays.asList(line.strip().split("\\s+"));
  }

  private static void require(boolean condition, String expected) {
    if (!condition) {
      throw new AssertionError(
          "README.md changed shape: ClusterStepsIT expects " + expected + " (update the test)");
    }
  }
}
