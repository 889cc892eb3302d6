package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.People;
import dev.earshot.tools.sample.TextTables.Placeholders;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The people who post: a pool per persona, a few influencers, and two brands' help teams. */
final class Authors {
  /** The brands' official help accounts, which answer some complaints on Twitter. */
  static final Author ASK_ACME =
      new Author(
          "u-9001",
          "AskAcme",
          84_200,
          "Official Acme Card help team. Here 8am-10pm ET, 7 days a week. ^initials sign each"
              + " reply",
          Persona.GENERAL,
          Platform.TWITTER,
          0);

  static final Author GLOBEX_HELP =
      new Author(
          "u-9002",
          "GlobexHelp",
          61_750,
          "The official help team for Globex cardmembers. DMs open.",
          Persona.GENERAL,
          Platform.TWITTER,
          0);

  private final Draws draws;
  private final SampleTexts texts;
  private final Map<Persona, List<Author>> byPersona = new EnumMap<>(Persona.class);
  private final TreeSet<String> handles = new TreeSet<>();

  /** Creates every author, persona by persona, in a fixed order. */
  Authors(Draws draws, SampleTexts texts) {
    this.draws = draws;
    this.texts = texts;
    int next = 1;
    for (Persona persona : Persona.values()) {
      List<Author> pool = new ArrayList<>();
      for (int i = 0; i < persona.authors; i++) {
        pool.add(create(String.format(Locale.ROOT, "u-%04d", next++), persona, i));
      }
      byPersona.put(persona, pool);
    }
  }

  /** An author of the persona, picked in proportion to how active they are. */
  Author pick(Persona persona) {
    List<Author> pool = byPersona.get(persona);
    double total = 0;
    for (Author author : pool) {
      total += author.activity();
    }
    double r = draws.nextDouble() * total;
    for (Author author : pool) {
      r -= author.activity();
      if (r < 0) {
        return author;
      }
    }
    return pool.get(pool.size() - 1);
  }

  /** The i-th author of a persona; the first general authors are the influencers. */
  private Author create(String id, Persona persona, int i) {
    People people = texts.people();
    String handle = uniqueHandle();
    boolean influencer = persona == Persona.GENERAL && i < people.influencerBios().size();
    int followers = influencer ? 40_000 + draws.nextInt(860_000) : ordinaryFollowers(persona);
    String bio;
    if (influencer) {
      bio = people.influencerBios().get(i);
    } else if (draws.nextDouble() < persona.cueBioShare) {
      bio = fillBio(draws.pick(texts.cueBios(persona)));
    } else if (draws.nextDouble() < 0.75) {
      bio = fillBio(draws.pick(people.neutralBios()));
    } else {
      bio = null;
    }
    double activity = influencer ? 3 : Math.min(8, Math.pow(1 - draws.nextDouble(), -0.7));
    return new Author(id, handle, followers, bio, persona, Platform.pick(draws), activity);
  }

  private String uniqueHandle() {
    Placeholders words = texts.placeholders();
    while (true) {
      String first = draws.pick(texts.people().firstNames()).toLowerCase(Locale.ROOT);
      String last = draws.pick(words.of("last")).toLowerCase(Locale.ROOT);
      String handle =
          switch (draws.nextInt(6)) {
            case 0 -> first + last;
            case 1 -> first + "_" + last;
            case 2 -> first + (10 + draws.nextInt(990));
            case 3 -> draws.pick(texts.people().handleWords()) + "_" + first;
            case 4 -> first.charAt(0) + last + (draws.nextInt(89) + 10);
            default -> first + "_" + last.charAt(0);
          };
      if (handles.add(handle)) {
        return handle;
      }
    }
  }

  private int ordinaryFollowers(Persona persona) {
    double median = persona == Persona.ENTREPRENEUR ? 900 : 260;
    double followers = median * Math.exp(1.3 * draws.nextGaussian());
    if (draws.nextDouble() < 0.04) {
      followers *= 25;
    }
    return (int) Math.max(3, Math.min(60_000, Math.round(followers)));
  }

  /** Fills a bio's placeholders; every one is drawn, used or not, to keep the draws in order. */
  private String fillBio(String template) {
    Placeholders words = texts.placeholders();
    return template
        .replace("{city}", draws.pick(words.of("city")))
        .replace("{hobby}", draws.pick(words.of("hobby")))
        .replace("{job}", draws.pick(words.of("job")))
        .replace("{uni}", draws.pick(words.of("uni")))
        .replace("{month}", draws.pick(words.of("month")))
        .replace("{last}", draws.pick(words.of("last")))
        .replace("{startup}", draws.pick(words.of("startup")))
        .replace("{shop}", draws.pick(words.of("shop")))
        .replace("{workplace}", draws.pick(words.of("workplace")))
        .replace("{n}", Integer.toString(2 + draws.nextInt(3)));
  }
}
