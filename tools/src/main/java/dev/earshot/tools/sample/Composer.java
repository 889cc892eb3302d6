package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.Comparison;
import dev.earshot.tools.sample.TextTables.Contrast;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds English texts from templates: a topic, an audience cue, brands, platform styling. */
final class Composer {
  /** The text, and its sentiment, which a two-topic or comparison template may change. */
  record Composed(String text, Sentiment sentiment) {}

  /** The template picked for a text; {@code cueDone} when it carries its own audience cue. */
  private record Choice(String template, Sentiment sentiment, boolean cueDone) {}

  private final Draws draws;
  private final SampleTexts texts;
  private final Filler filler;
  private final Styler styler;

  Composer(Draws draws, SampleTexts texts, Filler filler, Styler styler) {
    this.draws = draws;
    this.texts = texts;
    this.filler = filler;
    this.styler = styler;
  }

  /** Builds one English text about {@code topic}, with or without an audience cue and brands. */
  Composed compose(
      Persona persona,
      Topic topic,
      Sentiment sentiment,
      Brand brand,
      Brand other,
      Platform platform,
      boolean cue,
      boolean reply) {
    Choice choice = choose(persona, topic, sentiment, brand, other, cue, reply);
    sentiment = choice.sentiment();
    String template = TemplateText.stripMarker(choice.template());
    if (cue && !choice.cueDone() && topic != Topic.CHATTER) {
      template = addCue(template, persona, platform);
    }
    if (cue && draws.nextDouble() < 0.06) {
      Persona second = secondAudience(persona);
      if (second != null) {
        template =
            TemplateText.append(template, draws.pick(texts.audiences().get(second).tailCues()));
      }
    }
    if (!reply
        && (platform == Platform.REDDIT || platform == Platform.FORUM)
        && draws.nextDouble() < 0.45) {
      template =
          draws.nextBoolean()
              ? draws.pick(texts.styling().longFormOpeners()) + " " + template
              : TemplateText.append(template, draws.pick(texts.styling().longFormClosers()));
    }
    String text = filler.fill(template, filler.values(brand, other));
    text = styler.finish(text, sentiment, platform);
    if (topic == Topic.LIFE && persona == Persona.COLLEGE && draws.nextDouble() < 0.5) {
      text = text.toLowerCase(Locale.ROOT);
    }
    if (!reply && platform == Platform.REVIEW) {
      text = styler.reviewPrefix(sentiment) + " " + text;
    }
    return new Composed(text, sentiment);
  }

  /** Puts the persona's audience cue in front of the template or after it. */
  String addCue(String template, Persona persona, Platform platform) {
    double leadIn = platform == Platform.REVIEW ? 1.0 : platform == Platform.TWITTER ? 0.5 : 0.75;
    if (draws.nextDouble() < leadIn) {
      return draws.pick(texts.audiences().get(persona).leadIns()) + " " + template;
    }
    return TemplateText.append(template, draws.pick(texts.audiences().get(persona).tailCues()));
  }

  private Choice choose(
      Persona persona,
      Topic topic,
      Sentiment sentiment,
      Brand brand,
      Brand other,
      boolean cue,
      boolean reply) {
    if (topic == Topic.LIFE) {
      return new Choice(filler.pickFor(texts.life(persona).of(sentiment), brand), sentiment, true);
    } else if (other != null) {
      return comparison(topic, sentiment, brand);
    } else if (!reply && draws.nextDouble() < 0.08 && topic != Topic.CHATTER) {
      return contrast(topic, brand);
    }
    Templates builtIn = texts.audienceTopic(persona, topic);
    if (builtIn != null && cue && draws.nextDouble() < 0.6) {
      return new Choice(filler.pickFor(builtIn.of(sentiment), brand), sentiment, true);
    }
    return new Choice(filler.pickFor(texts.topic(topic).of(sentiment), brand), sentiment, false);
  }

  /** A template comparing two brands, or a generic one with a comparison tail appended. */
  private Choice comparison(Topic topic, Sentiment sentiment, Brand brand) {
    List<Comparison> matching = new ArrayList<>();
    for (Comparison comparison : texts.comparisons().comparisons()) {
      if (comparison.topic() == topic) {
        matching.add(comparison);
      }
    }
    if (!matching.isEmpty() && draws.nextDouble() < 0.6) {
      Comparison comparison = matching.get(draws.nextInt(matching.size()));
      return new Choice(comparison.template(), comparison.sentiment(), false);
    }
    String template = filler.pickFor(texts.topic(topic).of(sentiment), brand);
    String tail = draws.pick(texts.comparisons().tails().of(sentiment));
    return new Choice(TemplateText.append(template, tail), sentiment, false);
  }

  /** A template about this topic and another, with the sentiment of that template. */
  private Choice contrast(Topic topic, Brand brand) {
    List<Contrast> matching = new ArrayList<>();
    for (Contrast contrast : texts.contrasts()) {
      if (contrast.topics().contains(topic)) {
        matching.add(contrast);
      }
    }
    Contrast contrast = matching.get(draws.nextInt(matching.size()));
    String template = contrast.template();
    if (brand == null && TemplateText.needsBrand(template)) {
      template = filler.pickFor(texts.topic(topic).of(contrast.sentiment()), null);
    }
    return new Choice(template, contrast.sentiment(), false);
  }

  private Persona secondAudience(Persona persona) {
    TextTables.Audience audience = texts.audiences().get(persona);
    return audience == null ? null : audience.secondAudience();
  }
}
