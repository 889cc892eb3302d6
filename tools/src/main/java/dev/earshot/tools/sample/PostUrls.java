package dev.earshot.tools.sample;

import java.util.Locale;

/** Plausible urls for posts, derived from their ids; some forum and review posts have none. */
final class PostUrls {
  private final Draws draws;

  PostUrls(Draws draws) {
    this.draws = draws;
  }

  String url(Post post) {
    Post root = post.threadRoot();
    int number = Integer.parseInt(post.id.substring(2));
    int rootNumber = Integer.parseInt(root.id.substring(2));
    return switch (post.platform) {
      case TWITTER -> {
        long snowflake =
            ((post.createdAt * 1000 - 1_288_834_974_657L) << 22) | (number * 4099L & 0x3FFFFF);
        yield "https://x.com/" + post.author.handle() + "/status/" + snowflake;
      }
      case REDDIT -> reddit(post, root, number, rootNumber);
      case FORUM ->
          draws.nextDouble() < 0.8
              ? "https://forum.cardtalk.example/t/"
                  + slug(root.text)
                  + "/"
                  + (40_000 + rootNumber)
                  + "/"
                  + post.indexInThread
              : null;
      case BLOG_COMMENT ->
          "https://blog.moneywise.example/" + article(root) + "#comment-" + (18_000 + number);
      case REVIEW ->
          draws.nextDouble() < 0.85
              ? "https://reviews.cardrater.example/"
                  + (post.brand == null ? "credit-cards" : post.brand.label + "-card")
                  + "/reviews/"
                  + (5_000 + number)
              : null;
    };
  }

  private static String reddit(Post post, Post root, int number, int rootNumber) {
    String base =
        "https://www.reddit.com/r/"
            + subreddit(root)
            + "/comments/"
            + Long.toString(0x1b2c3d4L + rootNumber * 7919L, 36)
            + "/"
            + slug(root.text)
            + "/";
    return post == root ? base : base + Long.toString(0x6f1e00aL + number * 104_729L, 36) + "/";
  }

  private static String subreddit(Post root) {
    if (root.topic == Topic.LIFE) {
      return switch (root.author.persona()) {
        case NEWLYWED -> "Newlyweds";
        case ENTREPRENEUR -> "smallbusiness";
        case NEW_JOB -> "careerguidance";
        case PARENT -> "Parenting";
        case RETIREE -> "retirement";
        default -> "college";
      };
    }
    return switch (root.topic) {
      case FINANCING -> "smallbusiness";
      case REWARDS -> "churning";
      case CONSOLIDATION -> "personalfinance";
      case FRAUD -> "Scams";
      default -> "CreditCards";
    };
  }

  private static String article(Post root) {
    return switch (root.topic) {
      case CONSOLIDATION -> "2026/11/balance-transfer-guide-for-couples";
      case FINANCING -> "2026/10/business-credit-cards-for-new-founders";
      case CREDIT_LIMIT -> "2026/11/how-to-ask-for-a-credit-limit-increase";
      case INTEREST -> "2026/11/why-your-apr-just-went-up";
      case ANNUAL_FEES, REWARDS -> "2026/11/is-a-premium-card-worth-the-annual-fee";
      case FRAUD -> "2026/09/card-fraud-what-to-do-first";
      case CREDIT_SCORE -> "2026/10/credit-score-myths";
      default -> "2026/11/the-best-credit-cards-right-now";
    };
  }

  private static String slug(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split(" +");
    StringBuilder slug = new StringBuilder();
    for (int i = 0; i < words.length && i < 7; i++) {
      if (!words[i].isEmpty()) {
        slug.append(slug.length() == 0 ? "" : "_").append(words[i]);
      }
    }
    return slug.length() == 0 ? "post" : slug.toString();
  }
}
