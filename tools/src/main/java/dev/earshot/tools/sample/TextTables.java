package dev.earshot.tools.sample;

import java.util.List;
import java.util.Map;

/** The shapes of the data files under {@code tools/src/main/resources/sample/}. */
final class TextTables {
  private TextTables() {}

  /** {@code brands.yaml}: how people write one brand's name. */
  record BrandNames(List<String> names, List<String> handles, List<String> misspellings) {}

  /** {@code people.yaml}. */
  record People(
      List<String> firstNames,
      List<String> handleWords,
      List<String> neutralBios,
      List<String> influencerBios) {}

  /** {@code audiences.yaml}: one audience's bios, cues and everyday-life posts. */
  record Audience(
      List<String> bios,
      List<String> leadIns,
      List<String> tailCues,
      Persona secondAudience,
      Templates life) {}

  /** {@code audience-topics.yaml}: templates that carry their own audience cue. */
  record AudienceTopic(
      Persona audience,
      List<Topic> topics,
      List<String> positive,
      List<String> neutral,
      List<String> negative) {
    Templates templates() {
      return new Templates(positive, neutral, negative);
    }
  }

  /** {@code contrasts.yaml}: a template about two topics at once, with its own sentiment. */
  record Contrast(List<Topic> topics, Sentiment sentiment, String template) {}

  /** {@code comparisons.yaml}: a template that compares {@code {b}} with {@code {b2}}. */
  record Comparison(Topic topic, Sentiment sentiment, String template) {}

  record Comparisons(List<Comparison> comparisons, Templates tails) {}

  /** {@code replies.yaml}. */
  record Replies(Templates shortReplies, Templates opUpdates, Templates official) {}

  /** {@code spike.yaml}: the fraud wave about acme. */
  record Spike(String from, String to, Templates posts, Templates replies, List<String> official) {}

  /** {@code foreign.yaml}: a non-English template. */
  record Foreign(String lang, Topic topic, Sentiment sentiment, String template) {}

  /** Sentiment shares that move linearly from the first reply of a thread to the last. */
  record Drift(
      double startPositive, double startNegative, double endPositive, double endNegative) {}

  /** {@code long-threads.yaml}: a hand-written discussion starter that grows a long thread. */
  record LongThread(
      Platform platform,
      Persona audience,
      Topic topic,
      Brand brand,
      Sentiment sentiment,
      String createdAt,
      String text,
      int replies,
      Drift drift,
      Persona replyAudience,
      double replyAudienceShare,
      double meanReplyDelayMinutes) {}

  /** {@code styling.yaml}. */
  record Styling(
      Templates reviewPrefixes,
      Templates emoji,
      List<String> hashtags,
      List<String> longFormOpeners,
      List<String> longFormClosers,
      Templates closers,
      List<List<String>> elongations,
      List<List<String>> typos,
      List<String> capsWords) {}

  /** {@code placeholders.yaml}: the words each placeholder is filled with. */
  record Placeholders(Map<String, List<String>> words) {
    List<String> of(String placeholder) {
      List<String> list = words.get(placeholder);
      if (list == null || list.isEmpty()) {
        throw new IllegalStateException("placeholders.yaml has no words for '" + placeholder + "'");
      }
      return list;
    }
  }
}
