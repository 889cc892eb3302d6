package dev.earshot.labels.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Word valences on VADER's -4..4 scale. The words come from the VADER lexicon (C.J. Hutto and Eric
 * Gilbert, MIT licence), read from the {@code vader-sentiment-analyzer} jar on Maven Central;
 * earshot adds a few social-media entries of its own (emoji) from {@code
 * /sentiment/earshot-additions.tsv}.
 */
public final class SentimentLexicon {
  static final String VADER_RESOURCE = "/vader_sentiment_lexicon.txt";
  static final String ADDITIONS_RESOURCE = "/sentiment/earshot-additions.tsv";

  private final Map<String, Double> valences;

  SentimentLexicon(Map<String, Double> valences) {
    this.valences = valences;
  }

  public static SentimentLexicon load() {
    Map<String, Double> valences = new HashMap<>();
    read(VADER_RESOURCE, valences);
    read(ADDITIONS_RESOURCE, valences);
    return new SentimentLexicon(valences);
  }

  /** The valence of a lower-cased token, or 0 when it carries none. */
  public double valence(String token) {
    return valences.getOrDefault(token, 0.0);
  }

  public boolean contains(String token) {
    return valences.containsKey(token);
  }

  public int size() {
    return valences.size();
  }

  /**
   * The entries without a letter (emoji, emoticons such as ":)"): they read the same in every
   * language.
   */
  Map<String, Double> symbols() {
    Map<String, Double> symbols = new HashMap<>();
    valences.forEach(
        (token, valence) -> {
          if (token.codePoints().noneMatch(Character::isLetter)) {
            symbols.put(token, valence);
          }
        });
    return symbols;
  }

  private static void read(String resource, Map<String, Double> into) {
    try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("sentiment lexicon " + resource + " not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        into.put(parts[0].trim().toLowerCase(Locale.ROOT), Double.parseDouble(parts[1].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
