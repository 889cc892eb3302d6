package dev.earshot.labels.sentiment;

import dev.earshot.labels.text.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sentiment words and rules of a language other than English, so that the social scorer can
 * read posts in it: earshot's own word lists ({@code /sentiment/lang/<code>.tsv}, written by the
 * team, on VADER's -4..4 scale), plus the emoji and emoticons of the English lexicon, which read
 * the same in every language. Each line of a list is {@code kind <TAB> entry [<TAB> value]}: a
 * {@code word} and its valence, a {@code negation} (one that ends in an apostrophe, French "n'",
 * negates every token it begins), a {@code booster} and its intensity (negative for a softener), or
 * a {@code contrast}.
 */
public record LanguageSentiment(SentimentLexicon lexicon, LanguageRules rules) {

  static String resource(String language) {
    return "/sentiment/lang/" + language + ".tsv";
  }

  /** Every bundled language's words and rules, with the English lexicon's emoji added to each. */
  public static Map<String, LanguageSentiment> bundled(SentimentLexicon english) {
    Map<String, LanguageSentiment> all = new LinkedHashMap<>();
    Map<String, Double> symbols = english.symbols();
    for (String language : Languages.OTHERS) {
      try (InputStream in = LanguageSentiment.class.getResourceAsStream(resource(language))) {
        if (in == null) {
          throw new IllegalStateException("no sentiment word list " + resource(language));
        }
        all.put(language, read(in, resource(language), symbols));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  /** Reads a word list; a malformed line is refused with its number and the reason. */
  static LanguageSentiment read(InputStream in, String origin, Map<String, Double> symbols)
      throws IOException {
    Map<String, Double> words = new HashMap<>(symbols);
    Set<String> negations = new HashSet<>();
    Set<String> negationPrefixes = new HashSet<>();
    Map<String, Double> boosters = new HashMap<>();
    Set<String> contrasts = new HashSet<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      String entry = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "";
      if (entry.isEmpty()) {
        throw new IllegalArgumentException(origin + ":" + number + ": expected kind, then entry");
      }
      switch (parts[0].trim()) {
        case "word" -> words.put(entry, value(parts, origin, number));
          // "n'" ends in an apostrophe: every token that starts with it ("n'aime") is a negation
        case "negation" ->
            (entry.endsWith("'") || entry.endsWith("’") ? negationPrefixes : negations).add(entry);
        case "booster" -> boosters.put(entry, value(parts, origin, number));
        case "contrast" -> contrasts.add(entry);
        default ->
            throw new IllegalArgumentException(
                origin
                    + ":"
                    + number
                    + ": kind must be word, negation, booster or contrast, was '"
                    + parts[0]
                    + "'");
      }
    }
    return new LanguageSentiment(
        new SentimentLexicon(words),
        new LanguageRules(
            Set.copyOf(negations),
            Set.copyOf(negationPrefixes),
            Set.of(),
            Map.copyOf(boosters),
            Set.copyOf(contrasts),
            Set.of()));
  }

  private static double value(String[] parts, String origin, int number) {
    try {
      double v = Double.parseDouble(parts.length > 2 ? parts[2].trim() : "");
      if (v < -4 || v > 4) {
        throw new IllegalArgumentException(origin + ":" + number + ": value outside -4..4");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(origin + ":" + number + ": expected a number", e);
    }
  }
}
