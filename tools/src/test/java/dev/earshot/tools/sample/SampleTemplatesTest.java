package dev.earshot.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.tools.sample.TextTables.AudienceTopic;
import dev.earshot.tools.sample.TextTables.Comparison;
import dev.earshot.tools.sample.TextTables.Contrast;
import dev.earshot.tools.sample.TextTables.Foreign;
import dev.earshot.tools.sample.TextTables.LongThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's texts say what they are about in the taxonomy's words: a template written for a
 * topic is labelled with that topic by the default taxonomy's phrase rules, as the enricher labels
 * posts (CoreNLP tokens, plurals, wildcards, excludes). Placeholders are filled with the first word
 * of their list in placeholders.yaml ("50,000 points" for {pts}: a template may rely on it).
 *
 * <p>The rule covers every template of a root post: topics.yaml, audience-topics.yaml,
 * contrasts.yaml, comparisons.yaml, foreign.yaml, long-threads.yaml and the spike's posts. It
 * deliberately does not cover replies (replies.yaml, the spike's replies and official statements):
 * they are conversation ("Same here!!", "Did you call them or use the app?") that names no topic,
 * as real replies do. Nor does it cover everyday life and brand chatter, which have no topic.
 *
 * <p>Nine root templates of the committed sample name their topic in words no phrase of the
 * taxonomy lists ({@link #WITHOUT_A_PHRASE}): in the pipeline only the topic model can find their
 * topic. They stay as they are because the sample must stay byte-for-byte what it is. The list is
 * exact, so a template that gains a phrase, or a new one without, fails the test until the list
 * says so.
 */
class SampleTemplatesTest {
  /** "topic-label | template" of each root template that names its topic in no phrase's words. */
  static final Set<String> WITHOUT_A_PHRASE =
      Set.of(
          "project-financing | Does {b} report business card balances to the personal bureaus?",
          "project-financing | New venture, no revenue yet. Will {b} give me a business card on"
              + " personal credit?",
          "project-financing | {b} declined my business card application. 3 years running"
              + " {venture} and still not enough",
          "project-financing | Para mi pequeño negocio, {b} me dio una línea de crédito. ¡Gracias!",
          "rewards | Lounge access with {b} at the {city} airport made a 4 hour delay bearable",
          "rewards, credit-score | Best first card for a college student? {b} or something else?",
          "payments-billing | Is there a way to split the {bn} bill between two checking"
              + " accounts?",
          "payments-billing | Paid the statement in full and {b} still charged interest. Make it"
              + " make sense",
          "fraud-security | Identity theft alert from {b} and then the app locked me out. Card"
              + " frozen at {merchant}");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+)}");

  private static SampleTexts texts;
  private static Taxonomy taxonomy;
  private static TextAnalyzer analyzer;

  @BeforeAll
  static void load() {
    texts = SampleTexts.load();
    analyzer = new TextAnalyzer();
    taxonomy = TaxonomyParser.loadDefault(analyzer);
  }

  @Test
  void everyTopicTemplateNamesItsTopic() {
    Check check = new Check();
    checkTopics(check);
    assertThat(check.missing).isEmpty();
  }

  @Test
  void everyAudienceTopicTemplateNamesOneOfItsTopics() {
    Check check = new Check();
    checkAudienceTopics(check);
    assertThat(check.missing).isEmpty();
  }

  @Test
  void everyContrastNamesBothItsTopics() {
    Check check = new Check();
    checkContrasts(check);
    assertThat(check.missing).isEmpty();
  }

  @Test
  void everyComparisonForeignPostLongThreadAndSpikePostNamesItsTopic() {
    Check check = new Check();
    checkTheRest(check);
    assertThat(check.missing).isEmpty();
  }

  @Test
  void theTemplatesWithoutAPhraseAreExactlyThoseListed() {
    Check check = new Check();
    checkTopics(check);
    checkAudienceTopics(check);
    checkContrasts(check);
    checkTheRest(check);

    assertThat(check.excused).containsExactlyInAnyOrderElementsOf(WITHOUT_A_PHRASE);
  }

  private static void checkTopics(Check check) {
    for (Map.Entry<Topic, Templates> entry : texts.topics().entrySet()) {
      if (entry.getKey().labelled()) {
        for (List<String> templates : entry.getValue().all()) {
          templates.forEach(t -> check.expect(List.of(entry.getKey()), t));
        }
      }
    }
  }

  /**
   * One table serves several topics for some audiences (a retiree's money worries are about fraud,
   * service or interest): each template names at least one of them.
   */
  private static void checkAudienceTopics(Check check) {
    for (AudienceTopic entry : texts.audienceTopics()) {
      for (List<String> templates : entry.templates().all()) {
        templates.forEach(t -> check.expect(entry.topics(), t));
      }
    }
  }

  private static void checkContrasts(Check check) {
    for (Contrast contrast : texts.contrasts()) {
      for (Topic topic : contrast.topics()) {
        check.expect(List.of(topic), contrast.template());
      }
    }
  }

  private static void checkTheRest(Check check) {
    for (Comparison comparison : texts.comparisons().comparisons()) {
      check.expect(List.of(comparison.topic()), comparison.template());
    }
    for (Foreign foreign : texts.foreign()) {
      check.expect(List.of(foreign.topic()), foreign.template());
    }
    for (LongThread thread : texts.longThreads()) {
      check.expect(List.of(thread.topic()), thread.text());
    }
    for (List<String> templates : texts.spike().posts().all()) {
      templates.forEach(t -> check.expect(List.of(Topic.FRAUD), t));
    }
  }

  /** Templates the taxonomy gives none of their topics: listed ones excused, others missing. */
  private static final class Check {
    final List<String> missing = new ArrayList<>();
    final Set<String> excused = new TreeSet<>();

    void expect(List<Topic> expected, String template) {
      Set<String> found = topics(template);
      if (expected.stream().anyMatch(topic -> found.contains(topic.label))) {
        return;
      }
      String key =
          expected.stream().map(topic -> topic.label).collect(Collectors.joining(", "))
              + " | "
              + template;
      if (WITHOUT_A_PHRASE.contains(key)) {
        excused.add(key);
      } else {
        missing.add(key + "  (the taxonomy finds " + found + ")");
      }
    }
  }

  private static Set<String> topics(String template) {
    Matcher m = PLACEHOLDER.matcher(TemplateText.stripMarker(template));
    String text = m.replaceAll(match -> Matcher.quoteReplacement(filler(match.group(1))));
    return taxonomy.topics(analyzer.tokens(text));
  }

  /** A stand-in for a placeholder: the first word of its list, a brand, or a number. */
  private static String filler(String placeholder) {
    return switch (placeholder) {
      case "b", "bn" -> "Acme";
      case "b2", "b2n" -> "Globex";
      case "city2" -> texts.placeholders().of("city").get(1);
      default ->
          texts.placeholders().words().containsKey(placeholder)
              ? texts.placeholders().of(placeholder).get(0)
              : "7";
    };
  }
}
