package dev.earshot.labels.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which labels' phrases occur in a token sequence. Tokens and phrase words are compared by
 * {@link #stem}: lower case, '#' and '@' dropped, plural endings removed. A multi-word phrase also
 * matches its words run together, the way hashtags and handles are written ("#JustMarried",
 * "@AcmeCard"). A label whose exclude phrase occurs is not reported.
 *
 * <p>A phrase word "*" (not first) matches any one token: "my * card" matches "my acme card" and
 * "my new card", so a brand or an adjective between the words does not hide the phrase.
 */
public final class PhraseMatcher {
  /** The phrase word that matches any one token. */
  static final String ANY = "*";

  private final Map<String, List<Entry>> byFirstStem = new HashMap<>();

  /** Adds a phrase (already tokenized) for a label; {@code exclude} phrases veto the label. */
  public void add(String label, List<String> phraseTokens, boolean exclude) {
    List<String> stems = new ArrayList<>();
    for (String token : phraseTokens) {
      String stem = stem(token);
      if (!stem.isEmpty()) {
        stems.add(ANY.equals(stem) ? ANY : stem); // the one instance, compared by identity
      }
    }
    if (stems.isEmpty() || ANY.equals(stems.get(0))) {
      return; // a phrase must start with a word: "*" first would match everywhere
    }
    put(new Entry(label, stems.toArray(String[]::new), exclude));
    if (stems.size() > 1 && !stems.contains(ANY)) {
      String runTogether = stem(String.join("", stems));
      put(new Entry(label, new String[] {runTogether}, exclude));
      // "finals week" is written "#FinalsWeek": only the last word's plural is cut there
      String asWritten = stem(String.join("", phraseTokens).replace("#", "").replace("@", ""));
      if (!asWritten.equals(runTogether)) {
        put(new Entry(label, new String[] {asWritten}, exclude));
      }
    }
  }

  private void put(Entry entry) {
    byFirstStem.computeIfAbsent(entry.stems[0], s -> new ArrayList<>()).add(entry);
  }

  /**
   * A post's tokens as every matcher compares them, computed once per post: a taxonomy has several
   * matchers (audiences, bios, topics, brands, departments, stages) and each scans every post.
   *
   * @param split the same with compound and elided tokens cut into their words ("globex-karte" into
   *     "globex" "karte", "d'acme" into "acme"), or null when no token is either; only {@link
   *     #matchInsideWords} reads it
   */
  public record Stems(String[] stems, String[] split) {
    public static Stems of(List<String> tokens) {
      String[] stems = new String[tokens.size()];
      List<String> split = null;
      for (int i = 0; i < stems.length; i++) {
        String token = tokens.get(i);
        stems[i] = stem(token);
        List<String> parts = parts(token);
        if (parts != null && split == null) {
          split = new ArrayList<>(java.util.Arrays.asList(stems).subList(0, i));
        }
        if (split != null) {
          if (parts == null) {
            split.add(stems[i]);
          } else {
            for (String part : parts) {
              split.add(stem(part));
            }
          }
        }
      }
      return new Stems(stems, split == null ? null : split.toArray(String[]::new));
    }

    public boolean isEmpty() {
      return stems.length == 0;
    }
  }

  /**
   * The words of a hyphenated compound ("Globex-Karte", "Kreditlimit-Erhöhung") or of an elided
   * article or preposition and its word ("d'Acme", "qu'Initech", "l'assistenza": the word alone),
   * so that a name or a phrase inside them is found; null for any other token.
   */
  static List<String> parts(String token) {
    int apostrophe = Math.max(token.indexOf('\''), token.indexOf('’'));
    if (apostrophe >= 1
        && apostrophe <= 4
        && token.length() - apostrophe > 2
        && token.chars().limit(apostrophe).allMatch(Character::isLetter)) {
      return List.of(token.substring(apostrophe + 1));
    }
    int hyphen = token.indexOf('-');
    if (hyphen > 0 && hyphen < token.length() - 1) {
      List<String> parts = new ArrayList<>();
      for (String part : token.split("-")) {
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      return parts.size() > 1 ? parts : null;
    }
    return null;
  }

  /** Labels matched in the tokens and not vetoed by an exclude phrase, sorted. */
  public Set<String> match(List<String> tokens) {
    return match(Stems.of(tokens));
  }

  /** Labels matched in the stemmed tokens and not vetoed by an exclude phrase, sorted. */
  public Set<String> match(Stems text) {
    Matches m = scan(text.stems());
    m.found.removeAll(m.vetoed);
    return m.found;
  }

  /**
   * Labels matched in the tokens or in the words of their compounds and elisions ("Acme-Karte",
   * "d'Acme"), not vetoed. For names, which hide inside other words; a topic phrase would find too
   * much there ("no-foreign-fee" is not about annual fees).
   */
  public Set<String> matchInsideWords(Stems text) {
    Matches m = scanInsideWords(text);
    m.found.removeAll(m.vetoed);
    return m.found;
  }

  /**
   * One scan for both: the labels matched and not vetoed, and the labels an exclude phrase vetoes
   * (to veto what something else suggests, such as a bio or a model).
   */
  public Matches matchAndVetoes(Stems text) {
    Matches m = scan(text.stems());
    m.found.removeAll(m.vetoed);
    return m;
  }

  private Matches scanInsideWords(Stems text) {
    Matches m = scan(text.stems());
    if (text.split() != null) {
      Matches split = scan(text.split());
      m.found.addAll(split.found);
      m.vetoed.addAll(split.vetoed);
    }
    return m;
  }

  private Matches scan(String[] stems) {
    Matches m = new Matches(new TreeSet<>(), new TreeSet<>());
    for (int i = 0; i < stems.length; i++) {
      List<Entry> candidates = byFirstStem.get(stems[i]);
      if (candidates == null) {
        continue;
      }
      for (Entry entry : candidates) {
        if (entry.matchesAt(stems, i)) {
          (entry.exclude ? m.vetoed : m.found).add(entry.label);
        }
      }
    }
    return m;
  }

  /**
   * What a scan found and what exclude phrases vetoed; {@link #matchAndVetoes} hands it out with
   * the vetoed labels already removed from {@code found}.
   */
  public record Matches(Set<String> found, Set<String> vetoed) {}

  /**
   * Words that end in 's' but are not plurals, and whose cut form is another word: without this, an
   * exclude phrase "news" would veto every post that says "new".
   */
  private static final Set<String> NOT_PLURAL =
      Set.of(
          "news", "means", "hers", "ours", "yours", "always", "does", "this", "thus", "series",
          "species", "whereas", "perhaps", "its");

  /**
   * Lower case without '#'/'@' prefixes and without a final '.', with a plural 's' removed: "Cards"
   * and "cards" match "card", "#Newlyweds" matches "newlywed", and "APR." (which the tokenizer
   * keeps whole at the end of a sentence, as it would an abbreviation) matches "apr". Deliberately
   * no deeper stemming: "interesting" must not match "interest".
   */
  static String stem(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    int start = 0;
    while (start < t.length() && (t.charAt(start) == '#' || t.charAt(start) == '@')) {
      start++;
    }
    int end = t.length();
    if (end - start > 1 && t.charAt(end - 1) == '.' && Character.isLetter(t.charAt(end - 2))) {
      end--;
    }
    if (start > 0 || end < t.length()) {
      t = t.substring(start, end);
    }
    if (NOT_PLURAL.contains(t)) {
      return t;
    }
    if (t.length() > 4 && t.endsWith("ies")) {
      return t.substring(0, t.length() - 3) + "y";
    }
    if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us")) {
      return t.substring(0, t.length() - 1);
    }
    return t;
  }

  private record Entry(String label, String[] stems, boolean exclude) {
    boolean matchesAt(String[] text, int start) {
      if (start + stems.length > text.length) {
        return false;
      }
      for (int j = 0; j < stems.length; j++) {
        if (stems[j] != ANY && !stems[j].equals(text[start + j])) {
          return false;
        }
      }
      return true;
    }
  }
}
