package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.Foreign;
import dev.earshot.tools.sample.TextTables.LongThread;
import java.time.Instant;
import java.util.List;

/** The posts that start a thread (or stand alone): everyday, foreign, spike and long threads. */
final class RootPosts {
  /** Posting activity per hour of the day (UTC): quiet at night, busiest in the evening. */
  private static final double[] HOUR_WEIGHTS = {
    3.0, 2.2, 1.6, 1.2, 1.0, 1.0, 1.3, 2.0, 3.0, 4.0, 4.6, 5.0, 5.4, 5.8, 6.0, 6.0, 6.1, 6.4, 6.8,
    7.0, 6.8, 6.2, 5.2, 4.0
  };

  private final Story story;
  private final Draws draws;
  private final List<Post> posts;

  RootPosts(Story story, List<Post> posts) {
    this.story = story;
    this.draws = story.draws();
    this.posts = posts;
  }

  /** An English post by any persona about what that persona talks about. */
  Post baseline() {
    Persona persona = Persona.pick(draws);
    Author author = story.authors().pick(persona);
    Topic topic = Topic.values()[draws.weightedIndex(persona.topicWeights)];
    Platform platform = draws.nextDouble() < 0.7 ? author.home() : Platform.pick(draws);
    boolean offTopic = topic == Topic.LIFE || topic == Topic.CHATTER;
    if (offTopic && (platform == Platform.REVIEW || platform == Platform.BLOG_COMMENT)) {
      platform = draws.nextBoolean() ? Platform.TWITTER : Platform.REDDIT;
    }
    Brand brand = draws.nextDouble() < brandShare(topic, platform) ? pickBrand(topic) : null;
    Brand other = brand != null && draws.nextDouble() < 0.09 ? otherBrand(brand) : null;
    Sentiment sentiment = pickSentiment(topic, brand);
    if (platform == Platform.REVIEW && sentiment == Sentiment.NEUTRAL) {
      sentiment = draws.nextBoolean() ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
    }
    boolean cue = persona != Persona.GENERAL && draws.nextDouble() < 0.88;
    Composer.Composed composed =
        story.composer().compose(persona, topic, sentiment, brand, other, platform, cue, false);
    Post post =
        new Post(
            platform,
            author,
            composed.text(),
            baselineTime(),
            "en",
            topic,
            brand,
            composed.sentiment(),
            false);
    posts.add(post);
    return post;
  }

  /** A Spanish or French post. */
  void foreign() {
    Foreign foreign = draws.pick(story.texts().foreign());
    Author author = story.authors().pick(Persona.pick(draws));
    Brand brand = pickBrand(foreign.topic());
    Platform platform =
        draws.pick(new Platform[] {Platform.TWITTER, Platform.TWITTER, Platform.REVIEW});
    String text = story.filler().fill(foreign.template(), story.filler().values(brand, null));
    posts.add(
        new Post(
            platform,
            author,
            text,
            baselineTime(),
            foreign.lang(),
            foreign.topic(),
            brand,
            foreign.sentiment(),
            false));
  }

  /** A post of the fraud wave about acme, mostly negative, mostly on Twitter. */
  Post spike() {
    Persona persona = Persona.pick(draws);
    Author author = story.authors().pick(persona);
    Platform platform = Platform.values()[draws.weightedIndex(new double[] {70, 14, 8, 0, 8})];
    double r = draws.nextDouble();
    Sentiment sentiment =
        r < 0.86 ? Sentiment.NEGATIVE : r < 0.95 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
    String template = draws.pick(story.texts().spike().posts().of(sentiment));
    if (persona != Persona.GENERAL && draws.nextDouble() < 0.5) {
      template = story.composer().addCue(template, persona, platform);
    }
    String text =
        story
            .styler()
            .finish(
                story.filler().fill(template, story.filler().values(Brand.ACME, null)),
                sentiment,
                platform);
    if (platform == Platform.REVIEW) {
      text = story.styler().reviewPrefix(sentiment) + " " + text;
    }
    long time =
        story.spike().start()
            + (long) (draws.triangular(0.3) * (story.spike().end() - story.spike().start()));
    Post post =
        new Post(platform, author, text, time, "en", Topic.FRAUD, Brand.ACME, sentiment, true);
    posts.add(post);
    return post;
  }

  /** The hand-written root of a long thread. */
  Post longThreadRoot(LongThread spec) {
    Author author = story.authors().pick(spec.audience());
    long time = Instant.parse(spec.createdAt()).getEpochSecond();
    Post root =
        new Post(
            spec.platform(),
            author,
            spec.text(),
            time,
            "en",
            spec.topic(),
            spec.brand(),
            spec.sentiment(),
            story.spike().contains(time) && spec.topic() == Topic.FRAUD);
    posts.add(root);
    return root;
  }

  private static double brandShare(Topic topic, Platform platform) {
    if (platform == Platform.REVIEW || topic == Topic.CHATTER) {
      return 1.0;
    }
    if (topic == Topic.LIFE) {
      return 0.35;
    }
    return 0.9;
  }

  private Brand pickBrand(Topic topic) {
    return Brand.values()[draws.weightedIndex(topic.brandMix)];
  }

  private Brand otherBrand(Brand brand) {
    Brand other = brand;
    while (other == brand) {
      other = Brand.values()[draws.nextInt(Brand.values().length)];
    }
    return other;
  }

  /** The topic's sentiment mix, with each brand's reputation on a few topics. */
  private Sentiment pickSentiment(Topic topic, Brand brand) {
    double[] mix = topic.sentimentMix.clone();
    if (brand == Brand.GLOBEX && topic == Topic.INTEREST) {
      mix[2] += 0.2;
    } else if (brand == Brand.INITECH && topic == Topic.ANNUAL_FEES) {
      mix[2] += 0.2;
    } else if (brand == Brand.ACME && topic == Topic.SERVICE) {
      mix[2] += 0.15;
    } else if (brand == Brand.ACME && topic == Topic.REWARDS) {
      mix[0] += 0.15;
    } else if (brand == Brand.GLOBEX && topic == Topic.CONSOLIDATION) {
      mix[0] += 0.15;
    }
    return Sentiment.values()[draws.weightedIndex(mix)];
  }

  private long baselineTime() {
    int day = draws.nextInt(story.days().count());
    int hour = draws.weightedIndex(HOUR_WEIGHTS);
    return story.days().startSecond() + day * 86_400L + hour * 3_600L + draws.nextInt(3_600);
  }
}
