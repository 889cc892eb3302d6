package dev.earshot.labels.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small stop-word vote between the languages social posts about our market mostly come in. The
 * language a source declares wins; this only fills the gap. Good enough to keep Spanish, French,
 * German, Portuguese or Italian posts away from the English models; not a general language
 * identifier.
 */
public final class LanguageGuesser {
  private static final Map<String, Set<String>> STOP_WORDS =
      Map.of(
          Languages.ENGLISH,
          Set.of(
              "the", "and", "is", "to", "my", "i", "it", "of", "for", "you", "this", "that", "with",
              "was", "have", "on", "just", "me", "a", "in", "are", "so", "but", "not", "at", "your",
              "again", "never", "ever", "what", "who", "why", "where", "else", "over", "up", "out",
              "without", "today", "last", "first", "day", "every"),
          "es",
          Set.of(
              "el", "la", "los", "las", "de", "que", "y", "es", "mi", "por", "con", "para", "una",
              "un", "pero", "muy", "del", "se", "no", "lo", "tarjeta", "está"),
          "fr",
          Set.of(
              "le", "la", "les", "de", "des", "et", "est", "je", "mon", "ma", "pour", "avec", "une",
              "un", "mais", "très", "du", "pas", "ne", "carte", "c'est", "j'ai"),
          "de",
          Set.of(
              "der", "die", "das", "und", "ist", "ich", "mein", "meine", "nicht", "mit", "für",
              "ein", "eine", "aber", "sehr", "karte"),
          "pt",
          Set.of(
              "o", "os", "as", "de", "que", "e", "é", "meu", "minha", "com", "para", "uma", "um",
              "mas", "muito", "não", "cartão"),
          // Italian: not "il", "ma", "mi", "lo", "al", which French or Spanish use as much ("ha" is
          // also an English laugh, but it takes more than one word to outvote English)
          "it",
          Set.of(
              "gli", "di", "che", "è", "non", "per", "ho", "ha", "hanno", "sono", "della", "delle",
              "dei", "nel", "nella", "alla", "sul", "molto", "questo", "questa", "carta", "anche",
              "perché", "così", "oggi", "dopo", "tutto", "sempre", "ancora", "mio", "mia"));

  /**
   * The declared language if any (its primary tag: "en-US" and "en_GB" are "en"), else the best
   * stop-word vote, else {@link Languages#UNKNOWN}.
   */
  public String guess(String declared, List<String> tokens) {
    if (declared != null && !declared.isBlank()) {
      return declared.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    }
    List<String> lower = new java.util.ArrayList<>(tokens.size());
    for (String token : tokens) {
      lower.add(token.toLowerCase(Locale.ROOT));
    }
    String best = Languages.UNKNOWN;
    int bestVotes = 0;
    for (String lang : Languages.GUESSED) {
      Set<String> words = STOP_WORDS.get(lang);
      int votes = 0;
      for (String token : lower) {
        if (words.contains(token)) {
          votes++;
        }
      }
      if (votes > bestVotes) {
        best = lang;
        bestVotes = votes;
      }
    }
    return best;
  }

  /** The languages with stop words: must be {@link Languages#GUESSED}, no more, no fewer. */
  static Set<String> languagesWithStopWords() {
    return STOP_WORDS.keySet();
  }
}
