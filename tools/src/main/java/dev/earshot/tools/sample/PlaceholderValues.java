package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.Placeholders;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The placeholder values of one text, drawn once so that a text stays coherent ({@code {city}}
 * twice is the same city). Numbers are drawn here; words come from {@code placeholders.yaml}. The
 * values are drawn in a fixed order, all of them for every text, whichever the template uses.
 */
final class PlaceholderValues {
  private static final int[] LIMITS = {500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000};

  private final Draws draws;
  private final Placeholders words;
  private final BrandMentions mentions;
  private final Brand brand;
  private final Brand other;
  private final Map<String, String> values = new HashMap<>();

  PlaceholderValues(
      Draws draws, Placeholders words, BrandMentions mentions, Brand brand, Brand other) {
    this.draws = draws;
    this.words = words;
    this.mentions = mentions;
    this.brand = brand;
    this.other = other;
    drawValues();
  }

  private void drawValues() {
    int limit = draws.pick(LIMITS);
    int newLimit = limit * (2 + draws.nextInt(3)) + 500 * draws.nextInt(3);
    int scoreLow = 600 + draws.nextInt(120);
    int scoreHigh = 700 + draws.nextInt(90);
    values.put("amt", dollars(180 + 10 * draws.nextInt(580)));
    values.put("small", String.format(Locale.US, "$%.2f", 4.99 + draws.nextInt(24500) / 100.0));
    values.put("big", dollars(5000 + 500 * draws.nextInt(140)));
    values.put("limit", dollars(limit));
    values.put("newlimit", dollars(newLimit));
    word("lowapr");
    word("highapr");
    values.put("score", Integer.toString(640 + draws.nextInt(176)));
    values.put("scoreup", scoreLow + " to " + (scoreLow + 15 + draws.nextInt(60)));
    values.put("scoredown", scoreHigh + " to " + (scoreHigh - 20 - draws.nextInt(60)));
    word("pts");
    word("pct");
    values.put("n", Integer.toString(2 + draws.nextInt(4)));
    values.put("nmin", Integer.toString(20 + 5 * draws.nextInt(30)));
    word("fee");
    word("dur");
    word("days");
    word("merchant");
    drawTwoCities();
    for (String key :
        List.of(
            "dest",
            "item",
            "venture",
            "job",
            "employer",
            "uni",
            "course",
            "food",
            "month",
            "sig")) {
      word(key);
    }
  }

  /** {@code {city}} and a different {@code {city2}}. */
  private void drawTwoCities() {
    List<String> cities = words.of("city");
    String city = draws.pick(cities);
    String city2 = draws.pick(cities);
    while (city2.equals(city)) {
      city2 = draws.pick(cities);
    }
    values.put("city", city);
    values.put("city2", city2);
  }

  private void word(String key) {
    values.put(key, draws.pick(words.of(key)));
  }

  /** The value of {@code {key}}; brand mentions are drawn when they are used. */
  String value(String key) {
    return switch (key) {
      case "b" -> brand == null ? draws.pick(words.of("issuer")) : mentions.mention(brand);
      case "bn" -> brand == null ? "" : mentions.shortName(brand);
      case "b2" -> mentions.mention(other);
      case "b2n" -> mentions.shortName(other);
      default -> {
        String value = values.get(key);
        if (value == null) {
          throw new IllegalArgumentException("unknown placeholder {" + key + "}");
        }
        yield value;
      }
    };
  }

  private static String dollars(int amount) {
    return String.format(Locale.US, "$%,d", amount);
  }
}
