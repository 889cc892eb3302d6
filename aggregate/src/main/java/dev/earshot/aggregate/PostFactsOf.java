package dev.earshot.aggregate;

import dev.earshot.avro.Author;
import dev.earshot.avro.Engagement;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.avro.RawPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What aggregate counts of an enriched post: its {@link PostFacts}, without the text. */
final class PostFactsOf {
  /** A hashtag: '#' after a non-word character, then letters, digits or '_'. */
  static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]{1,64})");

  static PostFacts of(String postKey, EnrichedPost enriched) {
    RawPost post = enriched.getPost();
    Author author = post.getAuthor();
    Engagement engagement = post.getMetrics();
    return PostFacts.newBuilder()
        .setPostKey(postKey)
        .setSentiment(enriched.getSentiment().getLabel())
        .setScore(enriched.getSentiment().getScore())
        .setAuthor(author(post.getPlatform(), author))
        .setFollowers(positive(author == null ? null : author.getFollowers()))
        .setLikes(positive(engagement == null ? null : engagement.getLikes()))
        .setShares(positive(engagement == null ? null : engagement.getShares()))
        .setReplies(positive(engagement == null ? null : engagement.getReplies()))
        .setViews(positive(engagement == null ? null : engagement.getViews()))
        .setHashtags(hashtags(post.getText()))
        .build();
  }

  /** {@code platform:handle}, else {@code platform:id}; authors are only unique per platform. */
  private static String author(String platform, Author author) {
    if (author == null) {
      return null;
    }
    // Handles are case-insensitive on the platforms earshot reads; ids are kept as given.
    String handle = author.getHandle();
    if (handle != null && !handle.isBlank()) {
      String bare = handle.strip();
      if (bare.startsWith("@")) {
        bare = bare.substring(1);
      }
      return platform + ":@" + bare.toLowerCase(Locale.ROOT);
    }
    String id = author.getId();
    return id == null || id.isBlank() ? null : platform + ":" + id.strip();
  }

  /** Ingest refuses negative counters; a missing one counts as 0. */
  private static long positive(Long value) {
    return value == null ? 0 : Math.max(0, value);
  }

  static List<String> hashtags(String text) {
    List<String> tags = new ArrayList<>();
    // A match starts at a '#': the pattern's look-behind made the matcher try every position of
    // every post (9% of the stream thread in a JFR profile of the aggregate benchmark), so it is
    // only tried from each '#' on. The same matches, in the same order.
    int hash = text.indexOf('#');
    Matcher m = HASHTAG.matcher(text);
    while (hash >= 0 && m.find(hash)) {
      hash = text.indexOf('#', m.end());
      String tag = m.group(1).toLowerCase(Locale.ROOT);
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  private PostFactsOf() {}
}
