package dev.earshot.labels.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = new TextAnalyzer();

  /** CoreNLP's own pipeline with the settings TextAnalyzer stands for. */
  private static List<List<String>> byPipeline(StanfordCoreNLP pipeline, String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<List<String>> sentences = new ArrayList<>();
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<String> tokens = new ArrayList<>();
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        tokens.add(token.word());
      }
      sentences.add(tokens);
    }
    return sentences;
  }

  private static StanfordCoreNLP pipeline() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.language", "en");
    props.setProperty("tokenize.options", TextAnalyzer.TOKENIZER_OPTIONS);
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    return new StanfordCoreNLP(props, false);
  }

  @Test
  void socialTextKeepsEmojiHashtagsHandlesEmoticonsAndHyphens() {
    assertThat(analyzer.sentences("@AcmeCard raised my APR 😡😡 #fail co-founder life :)"))
        .containsExactly(
            List.of(
                "@AcmeCard",
                "raised",
                "my",
                "APR",
                "😡",
                "😡",
                "#fail",
                "co-founder",
                "life",
                ":)"));
  }

  @Test
  void sentencesEndAtFinalPunctuationAndAtEveryLineBreak() {
    assertThat(analyzer.sentences("Approved! In minutes.\r\n\nthanks acme\nso fast"))
        .containsExactly(
            List.of("Approved", "!"),
            List.of("In", "minutes", "."),
            List.of("thanks", "acme"),
            List.of("so", "fast"));
    assertThat(analyzer.sentences("  \n ")).isEmpty();
    assertThat(analyzer.tokens("no. way")).containsExactly("no", ".", "way");
  }

  @Test
  void sameTokensAndSentencesAsTheCoreNlpPipelineOnEveryLabelledPost() throws Exception {
    StanfordCoreNLP pipeline = pipeline();
    ObjectMapper json = new ObjectMapper();
    List<String> texts =
        new ArrayList<>(
            List.of(
                "line one\n\nline two. And three!\r\nfour 😡😡 #tag @handle",
                "ends with a smiley :D",
                "class of '28",
                "\"quoted\" (bracketed) [square] {curly}",
                "$1,200.50 at 29.99% APR... really?!"));
    try (Stream<Path> sets = Files.list(Path.of("../eval"))) {
      for (Path set : sets.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(set)) {
          JsonNode post = json.readTree(line);
          texts.add(post.path("text").asText());
          if (post.path("author").path("bio").isTextual()) {
            texts.add(post.path("author").path("bio").asText());
          }
        }
      }
    }

    assertThat(texts).hasSizeGreaterThan(4000);
    for (String text : texts) {
      assertThat(analyzer.sentences(text)).as(text).isEqualTo(byPipeline(pipeline, text));
    }
  }

  @Test
  void controlCharactersAreKeptWithoutALogLinePerCharacter() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      // 5,000 control characters once gave 5,000 "Untokenizable" warnings for one post.
      List<List<String>> sentences = analyzer.sentences("card \u0001".repeat(5_000) + " ok");

      assertThat(sentences).isNotEmpty();
      assertThat(logged.list)
          .extracting(e -> e.getFormattedMessage())
          .noneMatch(m -> m.contains("Untokenizable"));
    } finally {
      root.detachAppender(logged);
    }
  }
}
