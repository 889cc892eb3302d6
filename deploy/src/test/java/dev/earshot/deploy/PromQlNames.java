package dev.earshot.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. A small tokenizer rather than a parser: label
 * matchers, strings, ranges, Grafana variables and grouping label lists are removed first; then an
 * identifier followed by {@code (} is a function or an aggregation, a keyword is a keyword, and
 * every other identifier is a metric name.
 */
final class PromQlNames {
  /** Strings (label values, label_replace arguments); PromQL has all three quotes. */
  private static final Pattern STRINGS =
      Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");

  /** {@code {job="x", le!~"..."}}: label matchers, after strings are gone. */
  private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");

  /** {@code [5m]}, {@code [1h:1m]}, {@code [$__rate_interval]}. */
  private static final Pattern RANGES = Pattern.compile("\\[[^\\[\\]]*]");

  /** {@code $__rate_interval}, {@code ${DS_PROMETHEUS}}, {@code $service}. */
  private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");

  /** Label lists: {@code by (le)}, {@code on (service) group_left (reason)}. */
  private static final Pattern LABEL_LISTS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");

  /** A number or a duration ({@code 0.99}, {@code 5m}, {@code 1e3}) is one token, not a name. */
  private static final Pattern TOKENS =
      Pattern.compile("(?<number>[0-9][0-9a-zA-Z_.]*)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "atan2");

  static Set<String> of(String expression) {
    String rest = STRINGS.matcher(expression).replaceAll(" ");
    rest = GRAFANA_VARIABLES.matcher(rest).replaceAll(" ");
    rest = MATCHERS.matcher(rest).replaceAll("{}");
    rest = RANGES.matcher(rest).replaceAll("[]");
    rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher token = TOKENS.matcher(rest);
    while (token.find()) {
      String name = token.group("name");
      if (name == null || KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (!nextNonSpace(rest, token.end()).equals("(")) {
        names.add(name);
      }
    }
    return names;
  }

  private static String nextNonSpace(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return String.valueOf(text.charAt(i));
      }
    }
    return "";
  }

  private PromQlNames() {}
}
