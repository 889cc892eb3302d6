package dev.earshot.tools.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.earshot.tools.sample.TextTables.LongThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the bundled demo sample, {@code deploy/src/main/resources/sample/posts.jsonl}: about
 * 4,000 social posts (one JSON object per line, sorted by {@code created_at}) about three fictional
 * credit-card brands over the days of {@code deploy/src/main/resources/sample/sample.properties}.
 *
 * <p>The sample tells the worked example: college students post a lot but rarely about credit
 * cards, while newlyweds talk about card consolidation, entrepreneurs about project financing and
 * people with a new job about their credit limit. It also carries reply threads (a few long ones
 * whose tone drifts), a wave of negative fraud-security posts about acme (see {@code spike.yaml}),
 * a few Spanish and French posts, and exactly six invalid lines ({@link InvalidLines}) for the
 * dead-letter topic.
 *
 * <p>The texts are assembled from the YAML files in {@code tools/src/main/resources/sample/}, which
 * use the phrases of {@code labels/src/main/resources/taxonomy/default.yaml}; this code only
 * decides what to draw and in which order. The output is deterministic: a fixed seed, no
 * hash-ordered iteration, no clock. Any edit to a data file changes the sample (every later draw
 * moves), so regenerate it and commit both; {@code SampleGeneratorTest} fails until the two agree.
 * From the repository root:
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package -pl tools -am
 * java -cp "tools/target/earshot-tools.jar:tools/target/lib/*" \
 *     dev.earshot.tools.sample.SampleGenerator \
 *     deploy/src/main/resources/sample/posts.jsonl \
 *     deploy/src/main/resources/sample/sample.properties
 * </pre>
 *
 * (Both arguments are optional and default to those paths.)
 */
public final class SampleGenerator {
  static final long SEED = 20261116L;
  static final String DEFAULT_OUTPUT = "deploy/src/main/resources/sample/posts.jsonl";

  static final int BASELINE_ROOTS = 2830;
  static final int FOREIGN_ROOTS = 40;
  static final int SPIKE_ROOTS = 310;
  static final int SPIKE_THREADS = 24;
  static final int REPLIES = 800;

  private final Story story;
  private final List<Post> posts = new ArrayList<>();
  private final RootPosts roots;
  private final Threads threads;

  private SampleGenerator(Story story) {
    this.story = story;
    this.roots = new RootPosts(story, posts);
    this.threads = new Threads(story, posts);
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
    Path daysFile = Path.of(args.length > 1 ? args[1] : SampleDays.DEFAULT_FILE);
    List<String> lines = generate(SampleTexts.load(), SampleDays.read(daysFile));
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    System.out.printf("wrote %d lines to %s%n", lines.size(), out);
  }

  /** Generates every post and returns the lines of the sample file, invalid lines included. */
  static List<String> generate(SampleTexts texts, SampleDays days) throws JsonProcessingException {
    checkDates(texts, days);
    SampleGenerator generator = new SampleGenerator(Story.create(SEED, texts, days));
    generator.createPosts();
    return generator.lines();
  }

  private void createPosts() {
    int replies = 0;
    for (LongThread spec : story.texts().longThreads()) {
      Post root = roots.longThreadRoot(spec);
      replies +=
          threads.grow(
              root,
              new Threads.Plan(
                  spec.replies(),
                  spec.drift(),
                  spec.replyAudience(),
                  spec.replyAudienceShare(),
                  spec.meanReplyDelayMinutes()));
    }
    List<Post> regularRoots = new ArrayList<>();
    for (int i = 0; i < BASELINE_ROOTS; i++) {
      regularRoots.add(roots.baseline());
    }
    for (int i = 0; i < FOREIGN_ROOTS; i++) {
      roots.foreign();
    }
    List<Post> spikeRoots = new ArrayList<>();
    for (int i = 0; i < SPIKE_ROOTS; i++) {
      spikeRoots.add(roots.spike());
    }
    replies += spikeThreads(spikeRoots);
    regularThreads(regularRoots, replies);
  }

  /** Short threads under spike posts; none on review sites, which have no replies. */
  private int spikeThreads(List<Post> spikeRoots) {
    Draws draws = story.draws();
    int replies = 0;
    for (int count = 0; count < SPIKE_THREADS; ) {
      Post root = spikeRoots.get(draws.nextInt(spikeRoots.size()));
      if (root.children == 0 && root.platform != Platform.REVIEW) {
        replies +=
            threads.grow(root, new Threads.Plan(1 + draws.geometric(0.5, 6), null, null, 0, 30));
        count++;
      }
    }
    return replies;
  }

  /** Threads under everyday posts until the sample has {@link #REPLIES} replies in all. */
  private void regularThreads(List<Post> regularRoots, int replies) {
    Draws draws = story.draws();
    while (replies < REPLIES) {
      Post root = regularRoots.get(draws.nextInt(regularRoots.size()));
      if (root.children > 0 || draws.nextDouble() > threadChance(root.platform)) {
        continue;
      }
      int wanted = Math.min(1 + draws.geometric(0.55, 11), REPLIES - replies);
      Persona persona = root.author.persona();
      // Repliers to an audience's post often share the audience, more so about everyday life.
      double share = persona == Persona.GENERAL ? 0 : root.topic == Topic.LIFE ? 0.8 : 0.4;
      replies += threads.grow(root, new Threads.Plan(wanted, null, persona, share, 55));
    }
  }

  private static double threadChance(Platform platform) {
    return switch (platform) {
      case REDDIT, FORUM -> 1.0;
      case TWITTER -> 0.6;
      case BLOG_COMMENT -> 0.7;
      case REVIEW -> 0.0;
    };
  }

  /** The posts in time order as JSON lines, with the invalid lines slotted in. */
  private List<String> lines() throws JsonProcessingException {
    posts.sort(Comparator.comparingLong((Post p) -> p.createdAt));
    PostJson.assignIds(posts);
    PostJson json = new PostJson(story.draws());
    List<String> lines = new ArrayList<>();
    for (Post post : posts) {
      lines.add(PostJson.MAPPER.writeValueAsString(json.toJson(post)));
    }
    int[] at = InvalidLines.LINE_NUMBERS;
    for (int k = 0; k < at.length; k++) {
      long near = posts.get(at[k] - 2 - k).createdAt;
      lines.add(at[k] - 1, InvalidLines.line(k, near));
    }
    return lines;
  }

  /** The hand-written dates of the data files must fall within the sample's days. */
  private static void checkDates(SampleTexts texts, SampleDays days) {
    SpikeWindow spike = SpikeWindow.of(texts.spike());
    if (!days.contains(spike.start()) || !days.contains(spike.end() - 1)) {
      throw new IllegalArgumentException("spike.yaml: the spike is not within " + days);
    }
    for (LongThread thread : texts.longThreads()) {
      if (!days.contains(Instant.parse(thread.createdAt()).getEpochSecond())) {
        throw new IllegalArgumentException(
            "long-threads.yaml: " + thread.createdAt() + " is not within " + days);
      }
    }
  }
}
