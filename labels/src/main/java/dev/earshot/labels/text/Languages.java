package dev.earshot.labels.text;

import java.util.List;

/**
 * The languages earshot tells apart, and which of them the trained models read. One list for the
 * guesser, the other languages' sentiment word lists and the service's metrics.
 */
public final class Languages {
  public static final String ENGLISH = "en";

  /** A post whose language was neither declared nor guessed. */
  public static final String UNKNOWN = "und";

  /**
   * Every language the guesser can name, English first: a tie in the stop-word vote goes to the
   * earlier one.
   */
  public static final List<String> GUESSED = List.of(ENGLISH, "es", "fr", "de", "pt", "it");

  /** The languages besides English, each with a bundled sentiment word list. */
  public static final List<String> OTHERS = GUESSED.subList(1, GUESSED.size());

  private Languages() {}

  /**
   * Whether the (English) trained models label a post in this language: English, and a post whose
   * language is unknown, which is most often a short English one. Other languages get the rules.
   * The labeller asks it of the guessed language, the trainer of a training post's expected one.
   */
  public static boolean readByModels(String lang) {
    return ENGLISH.equals(lang) || UNKNOWN.equals(lang);
  }
}
