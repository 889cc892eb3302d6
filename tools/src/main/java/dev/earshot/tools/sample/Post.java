package dev.earshot.tools.sample;

/** A post while the sample is built: the thread links and the id are set after creation. */
final class Post {
  final Platform platform;
  final Author author;
  final String text;
  final long createdAt;
  final String lang;
  final Topic topic;
  final Brand brand;
  final Sentiment sentiment;
  final boolean spike;
  Post root;
  Post parent;
  int children;
  int indexInThread;
  String id;

  Post(
      Platform platform,
      Author author,
      String text,
      long createdAt,
      String lang,
      Topic topic,
      Brand brand,
      Sentiment sentiment,
      boolean spike) {
    this.platform = platform;
    this.author = author;
    this.text = text;
    this.createdAt = createdAt;
    this.lang = lang;
    this.topic = topic;
    this.brand = brand;
    this.sentiment = sentiment;
    this.spike = spike;
  }

  Post threadRoot() {
    return root == null ? this : root;
  }
}
