package dev.earshot.tools.sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.earshot.tools.sample.TextTables.Audience;
import dev.earshot.tools.sample.TextTables.AudienceTopic;
import dev.earshot.tools.sample.TextTables.BrandNames;
import dev.earshot.tools.sample.TextTables.Comparisons;
import dev.earshot.tools.sample.TextTables.Contrast;
import dev.earshot.tools.sample.TextTables.Foreign;
import dev.earshot.tools.sample.TextTables.LongThread;
import dev.earshot.tools.sample.TextTables.People;
import dev.earshot.tools.sample.TextTables.Placeholders;
import dev.earshot.tools.sample.TextTables.Replies;
import dev.earshot.tools.sample.TextTables.Spike;
import dev.earshot.tools.sample.TextTables.Styling;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every text the sample is made of, read from the YAML files in {@code
 * tools/src/main/resources/sample/} (one file per kind of text; each file says what it holds).
 */
record SampleTexts(
    Placeholders placeholders,
    People people,
    Map<Brand, BrandNames> brands,
    Map<Persona, Audience> audiences,
    Map<Topic, Templates> topics,
    List<AudienceTopic> audienceTopics,
    List<Contrast> contrasts,
    Comparisons comparisons,
    Replies replies,
    Spike spike,
    List<Foreign> foreign,
    List<LongThread> longThreads,
    Styling styling) {

  static final String DIRECTORY = "/sample/";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static SampleTexts load() {
    Map<String, List<String>> words = read("placeholders.yaml", new TypeReference<>() {});
    Map<String, BrandNames> brands = read("brands.yaml", new TypeReference<>() {});
    Map<String, Audience> audiences = read("audiences.yaml", new TypeReference<>() {});
    Map<String, Templates> topics = read("topics.yaml", new TypeReference<>() {});
    return new SampleTexts(
        new Placeholders(words),
        read("people.yaml", new TypeReference<>() {}),
        byEnum(brands, Brand.class, SampleTexts::brand),
        byEnum(audiences, Persona.class, Persona::of),
        byEnum(topics, Topic.class, Topic::of),
        read("audience-topics.yaml", new TypeReference<>() {}),
        read("contrasts.yaml", new TypeReference<>() {}),
        read("comparisons.yaml", new TypeReference<>() {}),
        read("replies.yaml", new TypeReference<>() {}),
        read("spike.yaml", new TypeReference<>() {}),
        read("foreign.yaml", new TypeReference<>() {}),
        read("long-threads.yaml", new TypeReference<>() {}),
        read("styling.yaml", new TypeReference<>() {}));
  }

  /** The generic templates of a topic; everyday life without an audience is brand chatter. */
  Templates topic(Topic topic) {
    return topics.get(topic == Topic.LIFE ? Topic.CHATTER : topic);
  }

  /** Templates that carry their own audience cue for this pair, or null when there are none. */
  Templates audienceTopic(Persona persona, Topic topic) {
    for (AudienceTopic entry : audienceTopics) {
      if (entry.audience() == persona && entry.topics().contains(topic)) {
        return entry.templates();
      }
    }
    return null;
  }

  /** Everyday-life posts of an audience; people without an audience only chat about brands. */
  Templates life(Persona persona) {
    Audience audience = audiences.get(persona);
    return audience == null ? topics.get(Topic.CHATTER) : audience.life();
  }

  /** Bios that give the audience away; people without an audience get the neutral ones. */
  List<String> cueBios(Persona persona) {
    Audience audience = audiences.get(persona);
    return audience == null ? people.neutralBios() : audience.bios();
  }

  private static <T> T read(String file, TypeReference<T> type) {
    try (InputStream in = SampleTexts.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIRECTORY + file);
      }
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIRECTORY + file + ": " + e.getMessage(), e);
    }
  }

  private static <E extends Enum<E>, V> Map<E, V> byEnum(
      Map<String, V> byLabel, Class<E> type, Function<String, E> parse) {
    Map<E, V> map = new EnumMap<>(type);
    byLabel.forEach((label, value) -> map.put(parse.apply(label), value));
    return map;
  }

  private static Brand brand(String label) {
    for (Brand brand : Brand.values()) {
      if (brand.label.equals(label)) {
        return brand;
      }
    }
    throw new IllegalArgumentException("unknown brand '" + label + "'");
  }
}
