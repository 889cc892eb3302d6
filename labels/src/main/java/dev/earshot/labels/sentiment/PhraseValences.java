package dev.earshot.labels.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain phrases with a valence ("raised my apr" = -2.5), matched on lower-cased tokens. A matched
 * phrase sets the valence of its first token and covers the others, so its words are not scored
 * again by the general lexicon. The first token, because negation and boosters are looked for in
 * the words before the valence: "never waived the annual fee" is negated, "no annual fee" is not
 * negated by its own "no".
 */
public final class PhraseValences {
  private final Map<String, List<Phrase>> byFirstToken = new HashMap<>();

  /**
   * @param phrases each phrase already tokenized and lower-cased, with its valence
   */
  public PhraseValences(Map<List<String>, Double> phrases) {
    phrases.forEach(
        (tokens, valence) -> {
          if (!tokens.isEmpty()) {
            byFirstToken
                .computeIfAbsent(tokens.get(0), t -> new ArrayList<>())
                .add(new Phrase(tokens.toArray(String[]::new), valence));
          }
        });
    // Longest first, so "waived the late fee" wins over "late fee".
    byFirstToken.values().forEach(list -> list.sort((a, b) -> b.tokens.length - a.tokens.length));
  }

  public static PhraseValences none() {
    return new PhraseValences(Map.of());
  }

  void apply(String[] lower, double[] valence, boolean[] covered) {
    for (int i = 0; i < lower.length; i++) {
      if (covered[i]) {
        continue;
      }
      List<Phrase> candidates = byFirstToken.get(lower[i]);
      if (candidates == null) {
        continue;
      }
      for (Phrase phrase : candidates) {
        if (phrase.matchesAt(lower, i)) {
          int last = i + phrase.tokens.length - 1;
          for (int j = i; j <= last; j++) {
            covered[j] = true;
          }
          valence[i] = phrase.valence;
          break;
        }
      }
    }
  }

  private record Phrase(String[] tokens, double valence) {
    boolean matchesAt(String[] text, int start) {
      if (start + tokens.length > text.length) {
        return false;
      }
      for (int j = 0; j < tokens.length; j++) {
        if (!tokens[j].equals(text[start + j])) {
          return false;
        }
      }
      return true;
    }
  }
}
