package dev.earshot.labels.sentiment;

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
  /** The intensity VADER gives a booster ("very good" is this much more than "good"). */
  public static final double BOOST = 0.293;

  public static final LanguageRules ENGLISH =
      new LanguageRules(
          Set.of(
              "not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "nowhere",
              "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "wont", "aint",
              "without", "hardly", "rarely", "seldom", "despite"),
          Set.of(),
          Set.of("n't"),
          Map.ofEntries(
              Map.entry("very", BOOST),
              Map.entry("really", BOOST),
              Map.entry("so", BOOST),
              Map.entry("sooo", BOOST),
              Map.entry("extremely", BOOST),
              Map.entry("super", BOOST),
              Map.entry("totally", BOOST),
              Map.entry("absolutely", BOOST),
              Map.entry("completely", BOOST),
              Map.entry("incredibly", BOOST),
              Map.entry("most", BOOST),
              Map.entry("such", BOOST),
              Map.entry("too", BOOST),
              Map.entry("hella", BOOST),
              Map.entry("mad", BOOST),
              Map.entry("honestly", BOOST),
              Map.entry("seriously", BOOST),
              Map.entry("literally", BOOST),
              Map.entry("genuinely", BOOST),
              Map.entry("ngl", BOOST),
              Map.entry("lowkey", -BOOST),
              Map.entry("kinda", -BOOST),
              Map.entry("somewhat", -BOOST),
              Map.entry("slightly", -BOOST),
              Map.entry("barely", -BOOST),
              Map.entry("little", -BOOST),
              Map.entry("marginally", -BOOST),
              Map.entry("sort", -BOOST)),
          Set.of("but", "however", "although", "though"),
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
