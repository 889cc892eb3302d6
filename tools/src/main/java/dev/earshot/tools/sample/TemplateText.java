package dev.earshot.tools.sample;

import java.util.regex.Pattern;

/** Text surgery on templates and filled texts, with no random draws. */
final class TemplateText {
  /** "a Acme card" reads as "an Acme card". */
  private static final Pattern ARTICLE_BEFORE_VOWEL_BRAND =
      Pattern.compile("\\b([Aa]) ((?i:acme|akme|initech|initek|inittech|initec)\\w*)");

  private TemplateText() {}

  /** True when the template needs a brand: it is marked with a leading {@code ^}. */
  static boolean needsBrand(String template) {
    return template.startsWith("^");
  }

  static String stripMarker(String template) {
    return needsBrand(template) ? template.substring(1) : template;
  }

  /** Appends a sentence or a tag, ending the previous sentence first when it needs it. */
  static String append(String text, String addition) {
    char last = text.charAt(text.length() - 1);
    boolean sentence = Character.isUpperCase(addition.charAt(0));
    boolean open = Character.isLetterOrDigit(last) || last == '}' || last == '\'';
    return text + (sentence && open ? ". " : " ") + addition;
  }

  /**
   * Collapses the gaps left by empty placeholders, fixes the article before a brand name and
   * capitalises each sentence.
   */
  static String tidy(String text) {
    String t = text.replaceAll(" {2,}", " ").replace(" ,", ",").replace(" .", ".").trim();
    t = ARTICLE_BEFORE_VOWEL_BRAND.matcher(t).replaceAll("$1n $2");
    StringBuilder out = new StringBuilder(t.length());
    boolean capitalize = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (capitalize && Character.isLetter(c)) {
        out.append(Character.toUpperCase(c));
        capitalize = false;
      } else {
        out.append(c);
        if (!Character.isWhitespace(c)) {
          capitalize = false;
        }
      }
      if ((c == '.' || c == '!' || c == '?') && i + 1 < t.length() && t.charAt(i + 1) == ' ') {
        capitalize = true;
      }
    }
    return out.toString();
  }
}
