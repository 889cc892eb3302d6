package dev.earshot.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as Docker reads it, as far as these tests need: comment lines dropped, lines
 * ending in a backslash joined, each instruction its keyword and its arguments, and {@code ARG}
 * defaults substituted where later instructions use them.
 */
final class DockerfileInstructions {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

  record Instruction(String keyword, String arguments) {}

  private final List<Instruction> instructions;

  private DockerfileInstructions(List<Instruction> instructions) {
    this.instructions = instructions;
  }

  static DockerfileInstructions read(Path file) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    Map<String, String> args = new LinkedHashMap<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (stripped.endsWith("\\")) {
        pending.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      pending.append(stripped);
      String[] parts = pending.toString().split("\\s+", 2);
      pending.setLength(0);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String arguments = substitute(parts.length > 1 ? parts[1] : "", args);
      if (keyword.equals("ARG")) {
        String[] nameValue = arguments.split("=", 2);
        args.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
      }
      instructions.add(new Instruction(keyword, arguments));
    }
    return new DockerfileInstructions(instructions);
  }

  /** The arguments of every {@code keyword} instruction, in order. */
  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /** The arguments of the last {@code keyword} instruction (the one that counts), or null. */
  String last(String keyword) {
    List<String> all = all(keyword);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /** Every variable {@code ENV} sets, whether one per instruction or several. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    Pattern pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
    for (String arguments : all("ENV")) {
      Matcher m = pair.matcher(arguments);
      while (m.find()) {
        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
      }
    }
    return env;
  }

  private static String substitute(String text, Map<String, String> args) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(name, m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
