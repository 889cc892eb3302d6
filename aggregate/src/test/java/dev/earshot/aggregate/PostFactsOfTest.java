package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class PostFactsOfTest {

  /** The plain scan the fast path replaced: every position of the text tried. */
  private static List<String> everyPosition(String text) {
    List<String> tags = new ArrayList<>();
    Matcher m = PostFactsOf.HASHTAG.matcher(text);
    while (m.find()) {
      String tag = m.group(1).toLowerCase(Locale.ROOT);
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  @Test
  void hashtagsFromEachHashAreThoseOfThePlainScan() {
    // Pieces that meet the pattern's edges: what may precede a '#' (letters, digits, '_', '&',
    // a letter outside the BMP), tags longer than 64, '#' twice, at the end, and none at all.
    String[] pieces = {
      "#",
      "##",
      " ",
      "a",
      "Z",
      "7",
      "_",
      "&",
      "&#35;",
      "é",
      "\uD835\uDC00",
      "fees",
      "Frais_2026",
      "x".repeat(70),
      "!",
      ",",
      "\n",
      "@",
      "٣",
      "Ⅻ",
      "mail@x#no"
    };
    Random random = new Random(20261205);
    int withTags = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String post = text.toString();
      List<String> expected = everyPosition(post);
      assertThat(PostFactsOf.hashtags(post)).as(post).isEqualTo(expected);
      withTags += expected.isEmpty() ? 0 : 1;
    }
    assertThat(withTags).as("texts with a tag among those tried").isGreaterThan(2_000);
  }
}
