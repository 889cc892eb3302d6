package dev.earshot.labels.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of a post as features for a linear model: each word ({@code u:}), each pair of
 * neighbouring words ({@code b:}, from the start of the clause), and the words of a question
 * ({@code q:}). Words after a negation are marked until the clause ends: "not worth it" gives
 * {@code u:not_worth} and {@code u:not_it}, so "worth" and "not worth" weigh differently.
 */
public final class TextFeatures {
  private static final Set<String> NEGATIONS =
      Set.of(
          "not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "cannot",
          "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "wont", "aint", "without", "hardly");

  private TextFeatures() {}

  /**
   * Adds the word features of the sentences (tokens in their original case) to {@code features}.
   */
  public static void addWords(List<List<String>> sentences, Map<String, Double> features) {
    for (List<String> sentence : sentences) {
      String previous = "<s>";
      boolean negated = false;
      boolean question = sentence.stream().anyMatch(Tokens::isQuestionMark);
      for (String token : sentence) {
        String word = word(token);
        if (word.isEmpty()) {
          continue;
        }
        if (Tokens.clauseBoundary(word)) {
          // a negation ends with its clause; "but" itself is kept, it says what weighs more
          negated = false;
          previous = "<s>";
          if (!Character.isLetter(word.charAt(0))) {
            continue;
          }
        }
        String feature = negated ? "not_" + word : word;
        features.put("u:" + feature, 1.0);
        features.put("b:" + previous + " " + word, 1.0);
        if (question) {
          features.put("q:" + word, 1.0);
        }
        if (NEGATIONS.contains(word) || word.endsWith("n't")) {
          negated = true;
        }
        previous = word;
      }
    }
  }

  /**
   * A token as the model sees it: lower case, no '#', letters repeated at most twice ("sooo" ->
   * "soo"), digits as 0 ("29.9%" -> "00.0%"). Empty for quotes and other marks that carry nothing.
   */
  static String word(String token) {
    String lower = Tokens.squeeze(Tokens.normalize(token));
    StringBuilder out = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= '1' && c <= '9') {
        if (out == null) {
          out = new StringBuilder(lower.length()).append(lower, 0, i);
        }
        out.append('0');
      } else if (out != null) {
        out.append(c);
      }
    }
    String word = out == null ? lower : out.toString();
    return switch (word) {
      case "\"", "'", "`", "``", "''", "“", "”", "‘", "’", "*" -> "";
      default -> word;
    };
  }
}
