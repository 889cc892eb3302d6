package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.Drift;
import java.util.ArrayList;
import java.util.List;

/** Grows reply threads under root posts. */
final class Threads {
  /** How a thread grows: its length, its drift in tone, who replies, how fast. */
  record Plan(
      int count,
      Drift drift,
      Persona replyPersona,
      double replyPersonaShare,
      double meanDelayMinutes) {}

  /** One reply before it becomes a post: who answers whom, when, and what. */
  private record Reply(Post parent, long time, Author author, String body, Sentiment sentiment) {}

  private final Story story;
  private final Draws draws;
  private final List<Post> posts;

  Threads(Story story, List<Post> posts) {
    this.story = story;
    this.draws = story.draws();
    this.posts = posts;
  }

  /**
   * Adds up to {@code plan.count()} replies under {@code root}; returns how many fit the
   * story.days().
   */
  int grow(Post root, Plan plan) {
    List<Post> thread = new ArrayList<>();
    thread.add(root);
    boolean official =
        root.platform == Platform.TWITTER
            && (root.brand == Brand.ACME || root.brand == Brand.GLOBEX)
            && root.sentiment != Sentiment.POSITIVE
            && plan.count() >= 2
            && draws.nextDouble() < 0.35;
    int added = 0;
    long last = root.createdAt;
    for (int i = 0; i < plan.count(); i++) {
      Reply reply = reply(root, thread, plan, i, last, official);
      if (reply.time() > story.days().endSecond()) {
        continue;
      }
      String prefix = "";
      if (root.platform == Platform.TWITTER
          || (root.platform == Platform.FORUM && draws.nextDouble() < 0.25)) {
        prefix = "@" + reply.parent().author.handle() + " ";
      }
      Post post =
          new Post(
              root.platform,
              reply.author(),
              prefix + reply.body(),
              reply.time(),
              "en",
              root.topic,
              root.brand,
              reply.sentiment(),
              root.spike && reply.time() < story.spike().end() + 3600);
      post.root = root;
      post.parent = reply.parent();
      reply.parent().children++;
      last = reply.time();
      thread.add(post);
      posts.add(post);
      added++;
    }
    return added;
  }

  /** The i-th reply: an official answer, the author's update, or someone else's reply. */
  private Reply reply(Post root, List<Post> thread, Plan plan, int i, long last, boolean official) {
    Post parent =
        thread.size() == 1 || draws.nextDouble() < 0.55
            ? root
            : thread.get(thread.size() - 1 - draws.nextInt(Math.min(4, thread.size() - 1)));
    // Replies arrive one after another, so a drift in tone is also a drift over time.
    long time =
        last + 60 + (long) (-Math.log(1 - draws.nextDouble()) * plan.meanDelayMinutes() * 60);
    double progress = plan.count() == 1 ? 0 : i / (double) (plan.count() - 1);
    Sentiment sentiment =
        plan.drift() != null
            ? driftedSentiment(plan.drift(), progress)
            : replySentiment(root.sentiment);
    if (root.spike && plan.drift() != null && (i == 5 || i == 17 || i == 29)) {
      List<String> statements = story.texts().spike().official();
      String body = statements.get(Math.min(i / 12, statements.size() - 1));
      long at = last + 120 + draws.nextInt(600);
      return new Reply(root, at, Authors.ASK_ACME, body, Sentiment.NEUTRAL);
    } else if (official && i == 1) {
      long at = last + 600 + draws.nextInt(5400);
      Author help = root.brand == Brand.ACME ? Authors.ASK_ACME : Authors.GLOBEX_HELP;
      String template = draws.pick(story.texts().replies().official().of(root.sentiment));
      String body = story.filler().fill(template, story.filler().values(root.brand, null));
      return new Reply(root, at, help, body, Sentiment.NEUTRAL);
    } else if (i > 0
        && draws.nextDouble() < 0.1
        && parent != root
        && parent.author != root.author) {
      String template = draws.pick(story.texts().replies().opUpdates().of(sentiment));
      String body = story.filler().fill(template, story.filler().values(root.brand, null));
      return new Reply(parent, time, root.author, body, sentiment);
    }
    Author author = replyAuthor(parent, plan.replyPersona(), plan.replyPersonaShare());
    return new Reply(parent, time, author, replyBody(root, author, sentiment), sentiment);
  }

  private Author replyAuthor(Post parent, Persona bias, double biasShare) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Author author =
          bias != null && draws.nextDouble() < biasShare
              ? story.authors().pick(bias)
              : story.authors().pick(Persona.pick(draws));
      if (author != parent.author) {
        return author;
      }
    }
    return story.authors().pick(Persona.GENERAL);
  }

  private String replyBody(Post root, Author author, Sentiment sentiment) {
    Platform platform = root.platform;
    if (root.spike && draws.nextDouble() < 0.6) {
      String template = draws.pick(story.texts().spike().replies().of(sentiment));
      return story
          .styler()
          .finish(
              story.filler().fill(template, story.filler().values(Brand.ACME, null)),
              sentiment,
              platform);
    }
    if (draws.nextDouble() < 0.4) {
      Brand brand = draws.nextDouble() < 0.75 ? root.brand : null;
      String template =
          story.filler().pickFor(story.texts().replies().shortReplies().of(sentiment), brand);
      return story
          .styler()
          .finish(
              story.filler().fill(template, story.filler().values(brand, null)),
              sentiment,
              platform);
    }
    Brand brand = draws.nextDouble() < 0.7 ? root.brand : null;
    if (root.topic == Topic.LIFE) {
      // Everyday-life threads stay on the root author's life: campus, wedding, kids...
      Persona persona = root.author.persona();
      return story
          .composer()
          .compose(persona, Topic.LIFE, sentiment, brand, null, platform, true, true)
          .text();
    }
    boolean cue = author.persona() != Persona.GENERAL && draws.nextDouble() < 0.75;
    return story
        .composer()
        .compose(author.persona(), root.topic, sentiment, brand, null, platform, cue, true)
        .text();
  }

  private Sentiment replySentiment(Sentiment rootSentiment) {
    double r = draws.nextDouble();
    if (r < 0.55) {
      return rootSentiment;
    }
    if (r < 0.8) {
      return Sentiment.NEUTRAL;
    }
    return rootSentiment == Sentiment.POSITIVE ? Sentiment.NEGATIVE : Sentiment.POSITIVE;
  }

  private Sentiment driftedSentiment(Drift drift, double progress) {
    double positive =
        drift.startPositive() + (drift.endPositive() - drift.startPositive()) * progress;
    double negative =
        drift.startNegative() + (drift.endNegative() - drift.startNegative()) * progress;
    double r = draws.nextDouble();
    return r < positive
        ? Sentiment.POSITIVE
        : r < positive + negative ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
  }
}
