package dev.earshot.tools.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes posts as the JSON objects of the sample file: ids, urls, threads and metrics. */
final class PostJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private final Draws draws;
  private final PostUrls urls;

  PostJson(Draws draws) {
    this.draws = draws;
    this.urls = new PostUrls(draws);
  }

  /** Numbers posts per platform in time order, and each post within its thread. */
  static void assignIds(List<Post> posts) {
    Map<Platform, Integer> next = new EnumMap<>(Platform.class);
    Map<Post, Integer> threadSizes = new IdentityHashMap<>();
    for (Post post : posts) {
      int n = next.merge(post.platform, 1, Integer::sum);
      post.id = String.format(Locale.ROOT, "%s-%06d", post.platform.idPrefix, n);
      post.indexInThread = threadSizes.merge(post.threadRoot(), 1, Integer::sum);
    }
  }

  ObjectNode toJson(Post post) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", post.id);
    json.put("platform", post.platform.wire);
    json.put("text", post.text);
    json.put("created_at", ISO.format(Instant.ofEpochSecond(post.createdAt)));
    // Forums and blog comments often do not say; every other source does.
    boolean declaresLang =
        !post.lang.equals("en")
            || !(post.platform == Platform.FORUM || post.platform == Platform.BLOG_COMMENT)
            || draws.nextDouble() < 0.6;
    if (declaresLang) {
      json.put("lang", post.lang);
    }
    ObjectNode author = json.putObject("author");
    author.put("id", post.author.id());
    author.put("handle", post.author.handle());
    author.put("followers", post.author.followers());
    if (post.author.bio() != null) {
      author.put("bio", post.author.bio());
    }
    String url = urls.url(post);
    if (url != null) {
      json.put("url", url);
    }
    if (post.root != null) {
      json.put("thread_id", post.root.id);
      json.put("parent_id", post.parent.id);
    }
    if (draws.nextDouble() < 0.92) {
      json.set("metrics", metrics(post));
    }
    return json;
  }

  /** Likes, shares, replies and views as each platform reports them. */
  private ObjectNode metrics(Post post) {
    ObjectNode metrics = MAPPER.createObjectNode();
    double noise = Math.exp(0.9 * draws.nextGaussian());
    int followers = post.author.followers();
    switch (post.platform) {
      case TWITTER -> {
        long likes = Math.round(Math.pow(followers, 0.75) * 0.06 * noise) + 2L * post.children;
        if (post.spike) {
          likes += 4 + draws.nextInt(30);
        }
        metrics.put("likes", likes);
        metrics.put("shares", Math.round(likes * (0.05 + 0.3 * draws.nextDouble())));
        metrics.put("replies", post.children);
        metrics.put(
            "views", Math.round(followers * (0.1 + 0.7 * draws.nextDouble())) + likes * 30 + 12);
      }
      case REDDIT -> {
        metrics.put(
            "likes", Math.round(Math.exp(1.6 + 1.4 * draws.nextGaussian())) + 3L * post.children);
        metrics.put("replies", post.children);
      }
      case FORUM -> {
        metrics.put(
            "likes",
            Math.max(0, Math.round(Math.exp(0.6 + draws.nextGaussian())) - 1) + post.children);
        metrics.put("replies", post.children);
        metrics.put(
            "views", 25 + Math.round(Math.exp(4.2 + draws.nextGaussian())) + 40L * post.children);
      }
      case BLOG_COMMENT -> {
        metrics.put("likes", Math.max(0, Math.round(Math.exp(0.4 + draws.nextGaussian())) - 1));
        metrics.put("replies", post.children);
      }
      case REVIEW ->
          metrics.put("likes", Math.max(0, Math.round(Math.exp(0.7 + draws.nextGaussian())) - 1));
    }
    return metrics;
  }
}
