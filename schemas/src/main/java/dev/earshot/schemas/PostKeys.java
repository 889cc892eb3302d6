package dev.earshot.schemas;

/** Post ids are unique per platform only, so the Kafka key joins both. */
public final class PostKeys {
  public static String of(String platform, String id) {
    return platform + ":" + id;
  }

  private PostKeys() {}
}
