package dev.earshot.bench;

import dev.earshot.avro.RawPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.SentimentMode;
import dev.earshot.labels.text.TextAnalyzer;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The enricher's library path on one thread (so: posts per second per core), against the same code
 * with CoreNLP's RNTN sentiment model, and CoreNLP tokenization alone as the ceiling. One operation
 * is one post; every benchmark walks the same sample posts in the same order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EnrichBenchmark {
  static final int SOCIAL_BATCH = 500;
  static final int RNTN_BATCH = 10;

  private List<RawPost> posts;
  private Labeller model;
  private Labeller lexiconOnly;
  private Labeller rntn;
  private TextAnalyzer tokenizer;
  private StanfordCoreNLP pipeline;
  private int next;

  @Setup
  public void setUp() {
    posts = BenchPosts.load();
    // The service's settings without the per-post time budget: a slow post is timed, not refused.
    LabellerSettings settings = LabellerSettings.defaults().withMaxTimePerPost(Duration.ZERO);
    model = Labeller.create(settings);
    lexiconOnly = Labeller.create(settings.withSentiment(SentimentMode.LEXICON));
    rntn = Labeller.create(settings.withSentiment(SentimentMode.RNTN));
    tokenizer = new TextAnalyzer();
    // The same tokenizer options as TextAnalyzer, through CoreNLP's annotation pipeline.
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.language", "en");
    props.setProperty("tokenize.options", TextAnalyzer.TOKENIZER_OPTIONS);
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    pipeline = new StanfordCoreNLP(props, false);
  }

  private RawPost nextPost() {
    RawPost post = posts.get(next);
    next = (next + 1) % posts.size();
    return post;
  }

  /** The default path: CoreNLP tokens, social scorer, sentiment model, taxonomy. */
  @Benchmark
  @OperationsPerInvocation(SOCIAL_BATCH)
  public void defaultPath(Blackhole bh) {
    for (int i = 0; i < SOCIAL_BATCH; i++) {
      bh.consume(model.enrich(nextPost()));
    }
  }

  /** The social scorer without the model ({@code enrich.sentiment=lexicon}). */
  @Benchmark
  @OperationsPerInvocation(SOCIAL_BATCH)
  public void lexiconPath(Blackhole bh) {
    for (int i = 0; i < SOCIAL_BATCH; i++) {
      bh.consume(lexiconOnly.enrich(nextPost()));
    }
  }

  /** The baseline: the same enricher with CoreNLP's RNTN model (shift-reduce parser) deciding. */
  @Benchmark
  @OperationsPerInvocation(RNTN_BATCH)
  public void rntnBaseline(Blackhole bh) {
    for (int i = 0; i < RNTN_BATCH; i++) {
      bh.consume(rntn.enrich(nextPost()));
    }
  }

  /**
   * CoreNLP tokenize + ssplit as the enricher runs them (tokenizer and sentence splitter driven
   * directly): what the default path cannot beat.
   */
  @Benchmark
  @OperationsPerInvocation(SOCIAL_BATCH)
  public void tokenizeOnly(Blackhole bh) {
    for (int i = 0; i < SOCIAL_BATCH; i++) {
      bh.consume(tokenizer.sentences(nextPost().getText()));
    }
  }

  /**
   * CoreNLP tokenize + ssplit through a {@code StanfordCoreNLP} pipeline, the way the enricher ran
   * them until 2026-12-01 and the way the anchor (about 32,000 posts/s) was measured.
   */
  @Benchmark
  @OperationsPerInvocation(SOCIAL_BATCH)
  public void tokenizePipeline(Blackhole bh) {
    for (int i = 0; i < SOCIAL_BATCH; i++) {
      Annotation doc = new Annotation(nextPost().getText());
      pipeline.annotate(doc);
      bh.consume(doc);
    }
  }
}
