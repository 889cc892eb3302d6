package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.Styling;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Social-media styling: elongations, ALL CAPS, typos, lower case, emoji and hashtags. */
final class Styler {
  private final Draws draws;
  private final Styling styling;

  Styler(Draws draws, Styling styling) {
    this.draws = draws;
    this.styling = styling;
  }

  String finish(String text, Sentiment sentiment, Platform platform) {
    if (draws.nextDouble() < 0.12) {
      text = replaceFirstWord(text, styling.elongations());
    }
    if (draws.nextDouble() < (sentiment == Sentiment.NEGATIVE ? 0.2 : 0.08)) {
      text = capsFirstWord(text);
    }
    if (draws.nextDouble() < 0.08) {
      text = replaceFirstWord(text, styling.typos());
    }
    if (platform != Platform.REVIEW && text.length() < 120 && draws.nextDouble() < 0.16) {
      text = TemplateText.append(text, draws.pick(styling.closers().of(sentiment)));
    }
    double lower = platform == Platform.TWITTER ? 0.22 : 0.07;
    if (draws.nextDouble() < lower) {
      text = text.toLowerCase(Locale.ROOT);
    }
    double emoji =
        switch (platform) {
          case TWITTER -> 0.5;
          case REDDIT, FORUM -> 0.12;
          default -> 0.25;
        };
    if (draws.nextDouble() < emoji && !endsWithEmoji(text)) {
      String e = draws.pick(styling.emoji().of(sentiment));
      text = text + " " + (draws.nextDouble() < 0.2 ? e + e : e);
    }
    if (platform == Platform.TWITTER && draws.nextDouble() < 0.15) {
      text = text + " " + draws.pick(styling.hashtags());
    }
    return text;
  }

  /** A star rating or score in front of a review. */
  String reviewPrefix(Sentiment sentiment) {
    return draws.pick(styling.reviewPrefixes().of(sentiment));
  }

  private static boolean endsWithEmoji(String text) {
    int last = text.codePointBefore(text.length());
    return last > 0x2000;
  }

  /** Replaces the first word of one pair, trying the pairs from a random start. */
  private String replaceFirstWord(String text, List<List<String>> pairs) {
    int start = draws.nextInt(pairs.size());
    for (int k = 0; k < pairs.size(); k++) {
      List<String> pair = pairs.get((start + k) % pairs.size());
      Matcher m = Pattern.compile("\\b" + Pattern.quote(pair.get(0)) + "\\b").matcher(text);
      if (m.find()) {
        return text.substring(0, m.start()) + pair.get(1) + text.substring(m.end());
      }
    }
    return text;
  }

  private String capsFirstWord(String text) {
    List<String> words = styling.capsWords();
    int start = draws.nextInt(words.size());
    for (int k = 0; k < words.size(); k++) {
      String word = words.get((start + k) % words.size());
      Matcher m = Pattern.compile("\\b" + word + "\\b").matcher(text);
      if (m.find()) {
        return text.substring(0, m.start())
            + word.toUpperCase(Locale.ROOT)
            + text.substring(m.end());
      }
    }
    return text;
  }
}
