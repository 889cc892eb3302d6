package dev.earshot.aggregate;

/**
 * The grouping key of the audience x topic aggregate: {@code audience|topic}. Posts without an
 * audience or a topic are counted under {@link #UNASSIGNED}, so that the cells add up to all posts
 * and analysts see how much of the conversation the taxonomy does not yet explain.
 */
public record AudienceTopicKey(String audience, String topic) {
  public static final String UNASSIGNED = "unassigned";
  private static final String SEPARATOR = "|";

  public AudienceTopicKey {
    if (audience.contains(SEPARATOR) || topic.contains(SEPARATOR)) {
      throw new IllegalArgumentException("labels cannot contain '|': " + audience + ", " + topic);
    }
  }

  public String encode() {
    return audience + SEPARATOR + topic;
  }

  public static AudienceTopicKey decode(String key) {
    int at = key.indexOf(SEPARATOR);
    if (at < 0) {
      throw new IllegalArgumentException("not an audience|topic key: " + key);
    }
    return new AudienceTopicKey(key.substring(0, at), key.substring(at + 1));
  }
}
