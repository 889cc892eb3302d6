package dev.earshot.labels.sentiment;

import dev.earshot.labels.text.Tokens;
import java.util.Map;
import java.util.Set;

/**
 * The words of one language the social scorer treats as operators rather than opinions: negations
 * (flip the valence of what follows, within the clause), boosters (intensify or soften the next
 * words) and contrasts ("but": what follows weighs more). {@link #ENGLISH} is the default; other
 * languages come with their word lists ({@link LanguageSentiment}).
 *
 * @param negationPrefixes beginnings that make a token a negation: French "n'" ("n'aime", "n'ai")
 * @param negationSuffixes endings that make a token a negation: English "n't" ("didn't")
 * @param cantEnough the negations that "enough" after the word turns into praise ("can't recommend
 *     them enough"); English only
 */
public record LanguageRules(
    Set<String> negations,
    Set<String> negationPrefixes,
    Set<String> negationSuffixes,
    Map<String, Double> boosters,
    Set<String> contrasts,
    Set<String> cantEnough) {
  /** VADER's B_INCR: a booster's intensity ("very good" is this much more than "good"). */
  public static final double B_INCR = 0.293;

  /** VADER's B_DECR: a softener's ("kinda good" is this much less than "good"). */
  public static final double B_DECR = -0.293;

  public static final LanguageRules ENGLISH =
      new LanguageRules(
          Set.of(
              "not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "nowhere",
              "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "wont", "aint",
              "without", "hardly", "rarely", "seldom", "despite"),
          Set.of(),
          Set.of("n't"),
          Map.ofEntries(
              Map.entry("very", B_INCR),
              Map.entry("really", B_INCR),
              Map.entry("so", B_INCR),
              Map.entry("sooo", B_INCR),
              Map.entry("extremely", B_INCR),
              Map.entry("super", B_INCR),
              Map.entry("totally", B_INCR),
              Map.entry("absolutely", B_INCR),
              Map.entry("completely", B_INCR),
              Map.entry("incredibly", B_INCR),
              Map.entry("most", B_INCR),
              Map.entry("such", B_INCR),
              Map.entry("too", B_INCR),
              Map.entry("hella", B_INCR),
              Map.entry("mad", B_INCR),
              Map.entry("honestly", B_INCR),
              Map.entry("seriously", B_INCR),
              Map.entry("literally", B_INCR),
              Map.entry("genuinely", B_INCR),
              Map.entry("ngl", B_INCR),
              Map.entry("lowkey", B_DECR),
              Map.entry("kinda", B_DECR),
              Map.entry("somewhat", B_DECR),
              Map.entry("slightly", B_DECR),
              Map.entry("barely", B_DECR),
              Map.entry("little", B_DECR),
              Map.entry("marginally", B_DECR),
              Map.entry("sort", B_DECR)),
          Tokens.ENGLISH_CONTRASTS,
          Set.of("n't", "cannot", "cant", "can't"));

  /** Whether the token negates what follows: a negation, or a word that starts or ends as one. */
  boolean negates(String lower) {
    if (negations.contains(lower)) {
      return true;
    }
    for (String prefix : negationPrefixes) {
      if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
        return true;
      }
    }
    for (String suffix : negationSuffixes) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
