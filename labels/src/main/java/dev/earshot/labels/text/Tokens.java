package dev.earshot.labels.text;

import java.util.Locale;
import java.util.Set;

/**
 * How earshot reads a single token, the same way for the sentiment scorer and for the models' word
 * features: lower case without the hashtag's '#', elongations squeezed ("soooo"), questions, and
 * where a clause ends (which ends a negation's scope).
 */
public final class Tokens {
  /** The English contrast words: what follows them weighs more, and a negation stops at them. */
  public static final Set<String> ENGLISH_CONTRASTS =
      Set.of("but", "however", "although", "though");

  private Tokens() {}

  /** "?", "??", "?!": the sentence asks. */
  public static boolean isQuestionMark(String token) {
    if (token.isEmpty() || token.indexOf('?') < 0) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c != '?' && c != '!') {
        return false;
      }
    }
    return true;
  }

  /**
   * Punctuation inside a sentence, or an English contrast word: where a negation's scope ends in
   * English.
   */
  public static boolean clauseBoundary(String lower) {
    return ENGLISH_CONTRASTS.contains(lower) || punctuation(lower);
  }

  /** A comma, dash, bracket, stop or ellipsis (up to three of them): a clause ends here. */
  public static boolean punctuation(String lower) {
    if (lower.isEmpty()) {
      return false;
    }
    char c = lower.charAt(0);
    return lower.length() <= 3
        && (c == ',' || c == ';' || c == ':' || c == '-' || c == '—' || c == '(' || c == ')'
            || c == '.' || c == '…');
  }

  /** Lower case; hashtags lose their '#', so "#fail" scores like "fail". */
  public static String normalize(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    return lower.length() > 1 && lower.charAt(0) == '#' ? lower.substring(1) : lower;
  }

  /** "soooo" -> "soo": runs of three or more letters cut to two. No regex: runs per token. */
  public static String squeeze(String token) {
    StringBuilder out = null;
    int run = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      run = i > 0 && c == token.charAt(i - 1) && Character.isLetter(c) ? run + 1 : 1;
      if (run > 2) {
        if (out == null) {
          out = new StringBuilder(token.length()).append(token, 0, i);
        }
        continue;
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? token : out.toString();
  }

  /** "soo" -> "so": every doubled character once. */
  public static String undouble(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (i + 1 < token.length() && token.charAt(i + 1) == c) {
        i++;
      }
      out.append(c);
    }
    return out.toString();
  }
}
