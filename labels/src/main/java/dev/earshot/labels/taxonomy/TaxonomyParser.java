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
import dev.earshot.schemas.LabelNames;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rules file (YAML) into a {@link Taxonomy}, refusing a file it cannot use with the line
 * and the reason: unknown keys, labels that break {@link LabelNames}, labels without phrases,
 * sentiment phrases without a valence in -4..4.
 */
public final class TaxonomyParser {
  public static final String DEFAULT_RESOURCE = "/taxonomy/default.yaml";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private TaxonomyParser() {}

  /** The default taxonomy bundled with earshot. */
  public static Taxonomy loadDefault(TextAnalyzer analyzer) {
    try (InputStream in = TaxonomyParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
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
    Lines lines = new Lines(yaml);
    TaxonomyFile file = read(yaml, source, lines);
    Map<String, TaxonomyFile.AudienceRule> audienceRules = orEmpty(file.audiences());
    Map<String, TaxonomyFile.TopicRule> topicRules = orEmpty(file.topics());
    Map<String, TaxonomyFile.BrandRule> brandRules = orEmpty(file.brands());
    PhraseMatcher audiences = new PhraseMatcher();
    PhraseMatcher bios = new PhraseMatcher();
    audienceRules.forEach(
        (label, rule) -> {
          checkLabel(source, lines, label, rule == null ? null : rule.phrases());
          addAll(audiences, label, rule.phrases(), false, analyzer);
          addAll(audiences, label, rule.exclude(), true, analyzer);
          addAll(bios, label, rule.phrases(), false, analyzer);
          addAll(bios, label, rule.bio(), false, analyzer);
          addAll(bios, label, rule.exclude(), true, analyzer);
        });
    PhraseMatcher topics = new PhraseMatcher();
    topicRules.forEach(
        (label, rule) -> {
          checkLabel(source, lines, label, rule == null ? null : rule.phrases());
          addAll(topics, label, rule.phrases(), false, analyzer);
          addAll(topics, label, rule.exclude(), true, analyzer);
        });
    PhraseMatcher brands = new PhraseMatcher();
    brandRules.forEach(
        (label, rule) -> {
          checkLabel(source, lines, label, rule == null ? null : rule.names());
          addAll(brands, label, rule.names(), false, analyzer);
          addAll(brands, label, rule.handles(), false, analyzer);
          addAll(brands, label, rule.misspellings(), false, analyzer);
          addAll(brands, label, rule.exclude(), true, analyzer);
        });
    Taxonomy.RankedLabels departments = ranked(source, lines, file.departments(), analyzer);
    Taxonomy.RankedLabels stages = ranked(source, lines, file.stages(), analyzer);
    return new Taxonomy(
        file.version() + "@" + shortHash(yaml),
        audiences,
        bios,
        topics,
        brands,
        sentimentPhrases(source, lines, file.sentiment(), analyzer),
        Set.copyOf(audienceRules.keySet()),
        Set.copyOf(topicRules.keySet()),
        Set.copyOf(brandRules.keySet()),
        departments,
        stages);
  }

  /** The YAML as a file of rules, with a version; Jackson's errors given the line they are on. */
  private static TaxonomyFile read(String yaml, String source, Lines lines) {
    TaxonomyFile file;
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
    return file;
  }

  /** The domain sentiment phrases, tokenized and lower-cased as the scorer compares them. */
  private static PhraseValences sentimentPhrases(
      String source, Lines lines, TaxonomyFile.SentimentRules sentiment, TextAnalyzer analyzer) {
    Map<List<String>, Double> valences = new LinkedHashMap<>();
    if (sentiment != null && sentiment.phrases() != null) {
      sentiment
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
    return new PhraseValences(valences);
  }

  /** Labels of which a post gets at most one: the first listed of those that match. */
  private static Taxonomy.RankedLabels ranked(
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
    return new Taxonomy.RankedLabels(matcher, List.copyOf(orEmpty(rules).keySet()));
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
    // a label the query API cannot ask for would be given to posts and never be seen
    if (!LabelNames.isValid(label)) {
      throw new TaxonomyException(
          source, lines.findKey(label), "label '" + label + "' must be " + LabelNames.RULE, null);
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
}
