package dev.earshot.labels.taxonomy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.earshot.labels.sentiment.PhraseValences;
import dev.earshot.labels.text.TextAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compiled taxonomy: audiences, topics and brands as phrase matchers, and domain sentiment
 * phrases. Immutable; a new rules file makes a new instance.
 */
public final class Taxonomy {
  public static final String DEFAULT_RESOURCE = "/taxonomy/default.yaml";
  private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final String version;
  private final PhraseMatcher audiences;
  private final PhraseMatcher audienceBios;
  private final PhraseMatcher topics;
  private final PhraseMatcher brands;
  private final PhraseValences sentimentPhrases;
  private final Set<String> audienceLabels;
  private final Set<String> topicLabels;
  private final Set<String> brandLabels;
  private final RankedLabels departments;
  private final RankedLabels stages;

  private Taxonomy(
      String version,
      PhraseMatcher audiences,
      PhraseMatcher audienceBios,
      PhraseMatcher topics,
      PhraseMatcher brands,
      PhraseValences sentimentPhrases,
      Set<String> audienceLabels,
      Set<String> topicLabels,
      Set<String> brandLabels,
      RankedLabels departments,
      RankedLabels stages) {
    this.version = version;
    this.audiences = audiences;
    this.audienceBios = audienceBios;
    this.topics = topics;
    this.brands = brands;
    this.sentimentPhrases = sentimentPhrases;
    this.audienceLabels = audienceLabels;
    this.topicLabels = topicLabels;
    this.brandLabels = brandLabels;
    this.departments = departments;
    this.stages = stages;
  }

  /** The default taxonomy bundled with earshot. */
  public static Taxonomy loadDefault(TextAnalyzer analyzer) {
    try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE, analyzer);
    } catch (IOException e) {
      throw new TaxonomyException(DEFAULT_RESOURCE, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  public static Taxonomy load(Path file, TextAnalyzer analyzer) {
    try {
      return parse(Files.readString(file), file.toString(), analyzer);
    } catch (IOException e) {
      throw new TaxonomyException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses and checks a rules file. Phrases are tokenized with the same CoreNLP tokenizer as posts,
   * so "co-founder" or "0% intro" match exactly as they are written in posts.
   *
   * @throws TaxonomyException naming the line and the reason
   */
  public static Taxonomy parse(String yaml, String source, TextAnalyzer analyzer) {
    TaxonomyFile file;
    Lines lines = new Lines(yaml);
    try {
      file = YAML.readValue(yaml, TaxonomyFile.class);
    } catch (UnrecognizedPropertyException e) {
      // Jackson reports where it stopped reading, which can be lines after the unknown key
      int line = lines.findKeyAtOrBefore(e.getPropertyName(), line(e.getLocation()));
      throw new TaxonomyException(source, line, e.getOriginalMessage(), e);
    } catch (JsonMappingException e) {
      throw new TaxonomyException(source, line(e.getLocation()), e.getOriginalMessage(), e);
    } catch (JsonParseException e) {
      throw new TaxonomyException(source, line(e.getLocation()), e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new TaxonomyException(source, 0, e.getMessage(), e);
    }
    if (file == null) {
      throw new TaxonomyException(source, 0, "the file is empty", null);
    }
    if (file.version() == null || file.version().isBlank()) {
      throw new TaxonomyException(source, 0, "'version' is required", null);
    }
    PhraseMatcher audiences = new PhraseMatcher();
    PhraseMatcher bios = new PhraseMatcher();
    PhraseMatcher topics = new PhraseMatcher();
    PhraseMatcher brands = new PhraseMatcher();
    Map<String, TaxonomyFile.AudienceRule> audienceRules = orEmpty(file.audiences());
    audienceRules.forEach(
        (label, rule) -> {
          checkLabel(source, lines, label, rule == null ? null : rule.phrases());
          addAll(audiences, label, rule.phrases(), false, analyzer);
          addAll(audiences, label, rule.exclude(), true, analyzer);
          addAll(bios, label, rule.phrases(), false, analyzer);
          addAll(bios, label, rule.bio(), false, analyzer);
          addAll(bios, label, rule.exclude(), true, analyzer);
        });
    Map<String, TaxonomyFile.TopicRule> topicRules = orEmpty(file.topics());
    topicRules.forEach(
        (label, rule) -> {
          checkLabel(source, lines, label, rule == null ? null : rule.phrases());
          addAll(topics, label, rule.phrases(), false, analyzer);
          addAll(topics, label, rule.exclude(), true, analyzer);
        });
    Map<String, TaxonomyFile.BrandRule> brandRules = orEmpty(file.brands());
    brandRules.forEach(
        (label, rule) -> {
          checkLabel(source, lines, label, rule == null ? null : rule.names());
          addAll(brands, label, rule.names(), false, analyzer);
          addAll(brands, label, rule.handles(), false, analyzer);
          addAll(brands, label, rule.misspellings(), false, analyzer);
          addAll(brands, label, rule.exclude(), true, analyzer);
        });
    RankedLabels departments = ranked(source, lines, file.departments(), analyzer);
    RankedLabels stages = ranked(source, lines, file.stages(), analyzer);
    Map<List<String>, Double> valences = new LinkedHashMap<>();
    if (file.sentiment() != null && file.sentiment().phrases() != null) {
      file.sentiment()
          .phrases()
          .forEach(
              (phrase, valence) -> {
                if (valence == null || valence < -4 || valence > 4) {
                  throw new TaxonomyException(
                      source,
                      lines.findKey(phrase),
                      "sentiment phrase '" + phrase + "' needs a valence between -4 and 4",
                      null);
                }
                valences.put(
                    analyzer.tokens(phrase).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                    valence);
              });
    }
    return new Taxonomy(
        file.version() + "@" + shortHash(yaml),
        audiences,
        bios,
        topics,
        brands,
        new PhraseValences(valences),
        Set.copyOf(audienceRules.keySet()),
        Set.copyOf(topicRules.keySet()),
        Set.copyOf(brandRules.keySet()),
        departments,
        stages);
  }

  /** Labels of which a post gets at most one: the first listed of those that match. */
  private static RankedLabels ranked(
      String source,
      Lines lines,
      Map<String, TaxonomyFile.TopicRule> rules,
      TextAnalyzer analyzer) {
    PhraseMatcher matcher = new PhraseMatcher();
    orEmpty(rules)
        .forEach(
            (label, rule) -> {
              checkLabel(source, lines, label, rule == null ? null : rule.phrases());
              addAll(matcher, label, rule.phrases(), false, analyzer);
              addAll(matcher, label, rule.exclude(), true, analyzer);
            });
    return new RankedLabels(matcher, List.copyOf(orEmpty(rules).keySet()));
  }

  /**
   * The version recorded on every post it labels: the file's {@code version} plus a hash of its
   * content, so two different files never share a version even if an analyst forgets to bump it.
   */
  public String version() {
    return version;
  }

  /** The tokens as every rule compares them: compute once per post, then ask each question. */
  public static PhraseMatcher.Stems stems(List<String> tokens) {
    return PhraseMatcher.Stems.of(tokens);
  }

  public Set<String> audiences(List<String> tokens, List<String> bioTokens) {
    return audiences(stems(tokens), stems(bioTokens));
  }

  public Set<String> audiences(PhraseMatcher.Stems text, PhraseMatcher.Stems bio) {
    PhraseMatcher.Matches inPost = audiences.matchAndVetoes(text);
    Set<String> found = new java.util.TreeSet<>(inPost.found());
    if (!bio.isEmpty()) {
      found.addAll(audienceBios.match(bio));
      // An exclude phrase in the post vetoes the label even when the bio suggested it.
      found.removeAll(inPost.vetoed());
    }
    return found;
  }

  /** The team that should pick the post up, if any (the first listed department that matches). */
  public Optional<String> department(List<String> tokens) {
    return departments.first(stems(tokens));
  }

  public Optional<String> department(PhraseMatcher.Stems text) {
    return departments.first(text);
  }

  /** The journey stage the post shows, if any (the first listed stage that matches). */
  public Optional<String> stage(List<String> tokens) {
    return stages.first(stems(tokens));
  }

  public Optional<String> stage(PhraseMatcher.Stems text) {
    return stages.first(text);
  }

  /** Every department whose phrases match, in the order listed. */
  public List<String> departments(List<String> tokens) {
    return departments.all(stems(tokens));
  }

  public List<String> departments(PhraseMatcher.Stems text) {
    return departments.all(text);
  }

  /** Every journey stage whose phrases match, in the order listed. */
  public List<String> stages(List<String> tokens) {
    return stages.all(stems(tokens));
  }

  public List<String> stages(PhraseMatcher.Stems text) {
    return stages.all(text);
  }

  public List<String> departmentLabels() {
    return departments.order();
  }

  public List<String> stageLabels() {
    return stages.order();
  }

  public Set<String> topics(List<String> tokens) {
    return topics(stems(tokens));
  }

  public Set<String> topics(PhraseMatcher.Stems text) {
    return topics.match(text);
  }

  /**
   * The topics the phrases match, and those an exclude phrase in the post rules out whatever else
   * suggests them (the topic model), in one scan.
   */
  public PhraseMatcher.Matches topicMatches(PhraseMatcher.Stems text) {
    return topics.matchAndVetoes(text);
  }

  public Set<String> brands(List<String> tokens) {
    return brands(stems(tokens));
  }

  /** Brands named in the post, also inside compounds and elisions ("Acme-Karte", "d'Acme"). */
  public Set<String> brands(PhraseMatcher.Stems text) {
    return brands.matchInsideWords(text);
  }

  public PhraseValences sentimentPhrases() {
    return sentimentPhrases;
  }

  public Set<String> audienceLabels() {
    return audienceLabels;
  }

  public Set<String> topicLabels() {
    return topicLabels;
  }

  public Set<String> brandLabels() {
    return brandLabels;
  }

  private static void addAll(
      PhraseMatcher matcher,
      String label,
      List<String> phrases,
      boolean exclude,
      TextAnalyzer analyzer) {
    if (phrases != null) {
      for (String phrase : phrases) {
        matcher.add(label, analyzer.tokens(phrase), exclude);
      }
    }
  }

  private static void checkLabel(String source, Lines lines, String label, List<String> phrases) {
    if (!LABEL.matcher(label).matches()) {
      throw new TaxonomyException(
          source,
          lines.findKey(label),
          "label '" + label + "' must be lower-case letters, digits and '-'",
          null);
    }
    if (phrases == null || phrases.stream().allMatch(p -> p == null || p.isBlank())) {
      throw new TaxonomyException(
          source, lines.findKey(label), "label '" + label + "' has no phrases", null);
    }
  }

  private static <V> Map<String, V> orEmpty(Map<String, V> map) {
    return map == null ? Map.of() : map;
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static String shortHash(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Finds the line a key is written on, for error messages about valid YAML with bad content. */
  private record Lines(String text) {
    /**
     * The first line where {@code key} is written as a mapping key ({@code key:}, {@code "key":}),
     * else the first line that contains it, else 0. Not just "contains": a label "fees" must not be
     * found on "annual-fees:", a sentiment phrase not on a topic's phrase list.
     */
    int findKey(String key) {
      String[] all = text.split("\n", -1);
      Pattern asKey = asKey(key);
      for (int i = 0; i < all.length; i++) {
        if (asKey.matcher(all[i]).find()) {
          return i + 1;
        }
      }
      for (int i = 0; i < all.length; i++) {
        if (all[i].contains(key)) {
          return i + 1;
        }
      }
      return 0;
    }

    /** The last line at or before {@code line} where {@code key} is a mapping key, else line. */
    int findKeyAtOrBefore(String key, int line) {
      String[] all = text.split("\n", -1);
      Pattern asKey = asKey(key);
      for (int i = Math.min(line, all.length) - 1; i >= 0; i--) {
        if (asKey.matcher(all[i]).find()) {
          return i + 1;
        }
      }
      return line;
    }

    private static Pattern asKey(String key) {
      return Pattern.compile("^\\s*(?:- )?([\"']?)" + Pattern.quote(key) + "\\1\\s*:");
    }
  }

  private record RankedLabels(PhraseMatcher matcher, List<String> order) {
    Optional<String> first(PhraseMatcher.Stems text) {
      Set<String> matched = matcher.match(text);
      return order.stream().filter(matched::contains).findFirst();
    }

    List<String> all(PhraseMatcher.Stems text) {
      Set<String> matched = matcher.match(text);
      return order.stream().filter(matched::contains).toList();
    }
  }
}
