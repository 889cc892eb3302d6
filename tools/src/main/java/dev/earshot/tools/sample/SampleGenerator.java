package dev.earshot.tools.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the bundled demo sample, {@code deploy/src/main/resources/sample/posts.jsonl}: about
 * 4,000 social posts (one JSON object per line, sorted by {@code created_at}) about three fictional
 * credit-card brands over five days, 2026-11-16 to 2026-11-20 UTC.
 *
 * <p>The sample tells the worked example of {@code /work/shared/DOMAIN.md}: college students post a
 * lot but rarely about credit cards, while newlyweds talk about card consolidation, entrepreneurs
 * about project financing and people with a new job about their credit limit. It also carries reply
 * threads (a few long ones whose tone drifts), a wave of negative fraud-security posts about acme
 * on 2026-11-19 between 14:00 and 18:00 UTC, a few Spanish and French posts, and exactly six
 * invalid lines (at {@link #INVALID_LINES}) for the dead-letter topic. The texts are assembled from
 * the template tables at the bottom of this file, which use the phrases of {@code
 * labels/src/main/resources/taxonomy/default.yaml}.
 *
 * <p>The output is deterministic: a fixed seed, no hash-ordered iteration, no clock. To rerun it
 * from the repository root, without Maven:
 *
 * <pre>
 * J=~/.m2/repository/com/fasterxml/jackson/core
 * CP=$(ls $J/jackson-{databind,core,annotations}/2.18.2/*.jar | tr '\n' ':')
 * javac -encoding UTF-8 -d /tmp/gen -cp $CP \
 *     deploy/src/main/java/dev/earshot/deploy/sample/SampleGenerator.java
 * java -cp /tmp/gen:$CP dev.earshot.tools.sample.SampleGenerator \
 *     deploy/src/main/resources/sample/posts.jsonl
 * </pre>
 */
public final class SampleGenerator {
  static final long SEED = 20261116L;
  static final String DEFAULT_OUTPUT = "deploy/src/main/resources/sample/posts.jsonl";

  static final long START = Instant.parse("2026-11-16T00:00:00Z").getEpochSecond();
  static final long END = Instant.parse("2026-11-20T23:59:59Z").getEpochSecond();
  static final long SPIKE_START = Instant.parse("2026-11-19T14:00:00Z").getEpochSecond();
  static final long SPIKE_END = Instant.parse("2026-11-19T18:00:00Z").getEpochSecond();

  static final int BASELINE_ROOTS = 2830;
  static final int FOREIGN_ROOTS = 40;
  static final int SPIKE_ROOTS = 310;
  static final int SPIKE_THREADS = 24;
  static final int REPLIES = 800;

  /** 1-based line numbers of the deliberately invalid lines, in the final file. */
  static final int[] INVALID_LINES = {314, 1027, 1765, 2402, 3118, 3703};

  /** Posting activity per hour of the day (UTC): quiet at night, busiest in the evening. */
  static final double[] HOUR_WEIGHTS = {
    3.0, 2.2, 1.6, 1.2, 1.0, 1.0, 1.3, 2.0, 3.0, 4.0, 4.6, 5.0, 5.4, 5.8, 6.0, 6.0, 6.1, 6.4, 6.8,
    7.0, 6.8, 6.2, 5.2, 4.0
  };

  static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
  static final ObjectMapper MAPPER = new ObjectMapper();

  enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
  }

  enum Platform {
    TWITTER("twitter", "t", 42),
    REDDIT("reddit", "r", 20),
    FORUM("forum", "f", 10),
    BLOG_COMMENT("blog-comment", "b", 10),
    REVIEW("review", "v", 18);

    final String wire;
    final String idPrefix;
    final double weight;

    Platform(String wire, String idPrefix, double weight) {
      this.wire = wire;
      this.idPrefix = idPrefix;
      this.weight = weight;
    }
  }

  enum Brand {
    ACME(
        "acme",
        new String[] {"Acme", "Acme Card", "Acme Bank", "Acme Credit", "acme", "ACME", "acme card"},
        new String[] {"@acmecard", "@acmecard", "@acme", "@AskAcme"},
        new String[] {"acmee", "Akme", "acmecard"}),
    GLOBEX(
        "globex",
        new String[] {"Globex", "Globex Card", "Globex Bank", "globex", "globex card"},
        new String[] {"@globex", "@globexcard"},
        new String[] {"globx", "Globexx", "glob ex"}),
    INITECH(
        "initech",
        new String[] {"Initech", "Initech Card", "Initech Financial", "initech", "INITECH"},
        new String[] {"@initech", "@initechcard"},
        new String[] {"initek", "Inittech", "initec"});

    final String label;
    final String[] names;
    final String[] handles;
    final String[] misspellings;

    Brand(String label, String[] names, String[] handles, String[] misspellings) {
      this.label = label;
      this.names = names;
      this.handles = handles;
      this.misspellings = misspellings;
    }
  }

  /** Topics of the default taxonomy, plus everyday life and brand chatter (no topic label). */
  enum Topic {
    CONSOLIDATION(0.40, 0.35, 0.25, 0.42, 0.38),
    FINANCING(0.35, 0.40, 0.25, 0.40, 0.25),
    CREDIT_LIMIT(0.45, 0.30, 0.25, 0.50, 0.30),
    INTEREST(0.15, 0.30, 0.55, 0.40, 0.40),
    ANNUAL_FEES(0.25, 0.35, 0.40, 0.40, 0.25),
    REWARDS(0.50, 0.30, 0.20, 0.50, 0.30),
    FRAUD(0.25, 0.20, 0.55, 0.50, 0.30),
    SERVICE(0.30, 0.15, 0.55, 0.55, 0.25),
    BILLING(0.20, 0.35, 0.45, 0.50, 0.30),
    CREDIT_SCORE(0.40, 0.35, 0.25, 0.50, 0.30),
    LIFE(0.35, 0.35, 0.30, 0.50, 0.30),
    CHATTER(0.30, 0.50, 0.20, 0.50, 0.30);

    final double[] sentimentMix;
    final double[] brandMix;

    Topic(double pos, double neu, double neg, double acme, double globex) {
      this.sentimentMix = new double[] {pos, neu, neg};
      this.brandMix = new double[] {acme, globex, 1 - acme - globex};
    }
  }

  /** Who writes: the six default audiences, and people who give no audience cue at all. */
  enum Persona {
    COLLEGE(80, 0.18, 0.45, new double[] {0, 0, 1, 3, 0, 8, 2, 1, 3, 7, 70, 5}),
    NEWLYWED(55, 0.15, 0.40, new double[] {60, 0, 3, 5, 2, 10, 2, 5, 6, 6, 1, 0}),
    ENTREPRENEUR(55, 0.14, 0.60, new double[] {0, 60, 8, 7, 5, 8, 3, 4, 3, 1, 1, 0}),
    NEW_JOB(50, 0.12, 0.35, new double[] {0, 0, 58, 5, 6, 10, 2, 3, 3, 10, 3, 0}),
    PARENT(45, 0.07, 0.40, new double[] {2, 0, 2, 10, 10, 20, 15, 12, 14, 8, 7, 0}),
    RETIREE(40, 0.08, 0.50, new double[] {0, 0, 1, 10, 12, 15, 20, 16, 14, 6, 6, 0}),
    GENERAL(95, 0.10, 0.0, new double[] {5, 3, 5, 13, 9, 16, 10, 14, 13, 7, 0, 5});

    final int authors;
    final double share;
    final double cueBioShare;
    final double[] topicWeights;

    Persona(int authors, double share, double cueBioShare, double[] topicWeights) {
      this.authors = authors;
      this.share = share;
      this.cueBioShare = cueBioShare;
      this.topicWeights = topicWeights;
    }
  }

  /**
   * Templates of one kind, by sentiment. A leading {@code ^} marks a template that needs a brand.
   */
  record Lines(String[] positive, String[] neutral, String[] negative) {
    String[] of(Sentiment sentiment) {
      return switch (sentiment) {
        case POSITIVE -> positive;
        case NEUTRAL -> neutral;
        case NEGATIVE -> negative;
      };
    }
  }

  /** A template that speaks about two topics at once, with its own sentiment. */
  record Contrast(Topic first, Topic second, Sentiment sentiment, String template) {}

  /** A template that compares {@code {b}} with a second brand {@code {b2}}. */
  record Comparison(Topic topic, Sentiment sentiment, String template) {}

  /** A non-English template. */
  record Foreign(String lang, Topic topic, Sentiment sentiment, String template) {}

  /** Sentiment shares that move linearly from the first reply of a thread to the last. */
  record Drift(
      double startPositive, double startNegative, double endPositive, double endNegative) {}

  /** A hand-written discussion starter that grows into a long reply thread. */
  record LongThread(
      Platform platform,
      Persona persona,
      Topic topic,
      Brand brand,
      Sentiment sentiment,
      String createdAt,
      String text,
      int replies,
      Drift drift,
      Persona replyPersona,
      double replyPersonaShare,
      double meanDelayMinutes) {}

  record Author(
      String id,
      String handle,
      int followers,
      String bio,
      Persona persona,
      Platform home,
      double activity) {}

  static final class Post {
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

  /** The placeholder values of one text, drawn once so that a text stays coherent. */
  final class Slots {
    final Brand brand;
    final Brand other;
    final Map<String, String> values = new LinkedHashMap<>();

    Slots(Brand brand, Brand other) {
      this.brand = brand;
      this.other = other;
      int limit = pick(new int[] {500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000});
      int newLimit = limit * (2 + rng.nextInt(3)) + 500 * rng.nextInt(3);
      int scoreLow = 600 + rng.nextInt(120);
      int scoreHigh = 700 + rng.nextInt(90);
      values.put("amt", dollars(180 + 10 * rng.nextInt(580)));
      values.put("small", String.format(Locale.US, "$%.2f", 4.99 + rng.nextInt(24500) / 100.0));
      values.put("big", dollars(5000 + 500 * rng.nextInt(140)));
      values.put("limit", dollars(limit));
      values.put("newlimit", dollars(newLimit));
      values.put("lowapr", pick(LOW_APRS));
      values.put("highapr", pick(HIGH_APRS));
      values.put("score", Integer.toString(640 + rng.nextInt(176)));
      values.put("scoreup", scoreLow + " to " + (scoreLow + 15 + rng.nextInt(60)));
      values.put("scoredown", scoreHigh + " to " + (scoreHigh - 20 - rng.nextInt(60)));
      values.put("pts", pick(POINT_AMOUNTS));
      values.put("pct", pick(PERCENTS));
      values.put("n", Integer.toString(2 + rng.nextInt(4)));
      values.put("nmin", Integer.toString(20 + 5 * rng.nextInt(30)));
      values.put("fee", pick(FEES));
      values.put("dur", pick(DURATIONS));
      values.put("days", pick(DAYS));
      values.put("merchant", pick(MERCHANTS));
      String city = pick(CITIES);
      String city2 = pick(CITIES);
      while (city2.equals(city)) {
        city2 = pick(CITIES);
      }
      values.put("city", city);
      values.put("city2", city2);
      values.put("dest", pick(DESTINATIONS));
      values.put("item", pick(ITEMS));
      values.put("venture", pick(VENTURES));
      values.put("job", pick(JOBS));
      values.put("employer", pick(EMPLOYERS));
      values.put("uni", pick(UNIVERSITIES));
      values.put("course", pick(COURSES));
      values.put("food", pick(FOODS));
      values.put("month", pick(MONTHS));
      values.put("sig", pick(SIGNATURES));
    }

    String value(String key) {
      return switch (key) {
        case "b" -> brand == null ? pick(GENERIC_ISSUERS) : mention(brand);
        case "bn" -> brand == null ? "" : shortName(brand);
        case "b2" -> mention(other);
        case "b2n" -> shortName(other);
        default -> {
          String value = values.get(key);
          if (value == null) {
            throw new IllegalArgumentException("unknown placeholder {" + key + "}");
          }
          yield value;
        }
      };
    }
  }

  private final Random rng;
  private final Map<Persona, List<Author>> authorsByPersona = new EnumMap<>(Persona.class);
  private final List<Post> posts = new ArrayList<>();
  private Author askAcme;
  private Author globexHelp;

  SampleGenerator(Random rng) {
    this.rng = rng;
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
    List<String> lines = new SampleGenerator(new Random(SEED)).generate();
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    System.out.printf("wrote %d lines to %s%n", lines.size(), out);
  }

  /** Generates every post and returns the lines of the sample file, invalid lines included. */
  List<String> generate() throws JsonProcessingException {
    createAuthors();
    List<Post> regularRoots = new ArrayList<>();
    int longThreadReplies = 0;
    for (LongThread spec : LONG_THREADS) {
      longThreadReplies += longThread(spec);
    }
    for (int i = 0; i < BASELINE_ROOTS; i++) {
      regularRoots.add(baselinePost());
    }
    for (int i = 0; i < FOREIGN_ROOTS; i++) {
      foreignPost();
    }
    List<Post> spikeRoots = new ArrayList<>();
    for (int i = 0; i < SPIKE_ROOTS; i++) {
      spikeRoots.add(spikePost());
    }
    int replies = longThreadReplies;
    for (int threads = 0; threads < SPIKE_THREADS; ) {
      Post root = spikeRoots.get(rng.nextInt(spikeRoots.size()));
      if (root.children == 0 && root.platform != Platform.REVIEW) {
        replies += growThread(root, 1 + geometric(0.5, 6), null, null, 0, 30);
        threads++;
      }
    }
    while (replies < REPLIES) {
      Post root = regularRoots.get(rng.nextInt(regularRoots.size()));
      if (root.children > 0 || rng.nextDouble() > threadChance(root.platform)) {
        continue;
      }
      int wanted = Math.min(1 + geometric(0.55, 11), REPLIES - replies);
      Persona persona = root.author.persona();
      double share = persona == Persona.GENERAL ? 0 : root.topic == Topic.LIFE ? 0.8 : 0.4;
      replies += growThread(root, wanted, null, persona, share, 55);
    }

    posts.sort(Comparator.comparingLong((Post p) -> p.createdAt));
    assignIds();
    List<String> lines = new ArrayList<>();
    for (Post post : posts) {
      lines.add(MAPPER.writeValueAsString(toJson(post)));
    }
    for (int k = 0; k < INVALID_LINES.length; k++) {
      long near = posts.get(INVALID_LINES[k] - 2 - k).createdAt;
      lines.add(INVALID_LINES[k] - 1, invalidLine(k, near));
    }
    return lines;
  }

  // ---------------------------------------------------------------------------------------------
  // Authors

  private void createAuthors() {
    TreeSet<String> handles = new TreeSet<>();
    int next = 1;
    for (Persona persona : Persona.values()) {
      List<Author> pool = new ArrayList<>();
      for (int i = 0; i < persona.authors; i++) {
        String handle = uniqueHandle(handles);
        boolean influencer = persona == Persona.GENERAL && i < INFLUENCER_BIOS.length;
        int followers = influencer ? 40_000 + rng.nextInt(860_000) : ordinaryFollowers(persona);
        String bio;
        if (influencer) {
          bio = INFLUENCER_BIOS[i];
        } else if (rng.nextDouble() < persona.cueBioShare) {
          bio = fillBio(pick(cueBios(persona)));
        } else if (rng.nextDouble() < 0.75) {
          bio = fillBio(pick(NEUTRAL_BIOS));
        } else {
          bio = null;
        }
        double activity = influencer ? 3 : Math.min(8, Math.pow(1 - rng.nextDouble(), -0.7));
        Author author =
            new Author(
                String.format(Locale.ROOT, "u-%04d", next++),
                handle,
                followers,
                bio,
                persona,
                pickPlatform(),
                activity);
        pool.add(author);
      }
      authorsByPersona.put(persona, pool);
    }
    askAcme =
        new Author(
            "u-9001",
            "AskAcme",
            84_200,
            "Official Acme Card help team. Here 8am-10pm ET, 7 days a week. ^initials sign each"
                + " reply",
            Persona.GENERAL,
            Platform.TWITTER,
            0);
    globexHelp =
        new Author(
            "u-9002",
            "GlobexHelp",
            61_750,
            "The official help team for Globex cardmembers. DMs open.",
            Persona.GENERAL,
            Platform.TWITTER,
            0);
  }

  private String uniqueHandle(TreeSet<String> taken) {
    while (true) {
      String first = pick(FIRST_NAMES).toLowerCase(Locale.ROOT);
      String last = pick(LAST_NAMES).toLowerCase(Locale.ROOT);
      String handle =
          switch (rng.nextInt(6)) {
            case 0 -> first + last;
            case 1 -> first + "_" + last;
            case 2 -> first + (10 + rng.nextInt(990));
            case 3 -> pick(HANDLE_WORDS) + "_" + first;
            case 4 -> first.charAt(0) + last + (rng.nextInt(89) + 10);
            default -> first + "_" + last.charAt(0);
          };
      if (taken.add(handle)) {
        return handle;
      }
    }
  }

  private int ordinaryFollowers(Persona persona) {
    double median = persona == Persona.ENTREPRENEUR ? 900 : 260;
    double followers = median * Math.exp(1.3 * rng.nextGaussian());
    if (rng.nextDouble() < 0.04) {
      followers *= 25;
    }
    return (int) Math.max(3, Math.min(60_000, Math.round(followers)));
  }

  private String fillBio(String template) {
    return template
        .replace("{city}", pick(CITIES))
        .replace("{hobby}", pick(HOBBIES))
        .replace("{job}", pick(JOBS))
        .replace("{uni}", pick(UNIVERSITIES))
        .replace("{month}", pick(MONTHS))
        .replace("{last}", pick(LAST_NAMES))
        .replace("{startup}", pick(STARTUPS))
        .replace("{shop}", pick(SHOPS))
        .replace("{workplace}", pick(WORKPLACES))
        .replace("{n}", Integer.toString(2 + rng.nextInt(3)));
  }

  private Author pickAuthor(Persona persona) {
    List<Author> pool = authorsByPersona.get(persona);
    double total = 0;
    for (Author author : pool) {
      total += author.activity();
    }
    double r = rng.nextDouble() * total;
    for (Author author : pool) {
      r -= author.activity();
      if (r < 0) {
        return author;
      }
    }
    return pool.get(pool.size() - 1);
  }

  private Persona pickPersona() {
    double[] weights = new double[Persona.values().length];
    for (Persona persona : Persona.values()) {
      weights[persona.ordinal()] = persona.share;
    }
    return Persona.values()[weightedIndex(weights)];
  }

  // ---------------------------------------------------------------------------------------------
  // Root posts

  private Post baselinePost() {
    Persona persona = pickPersona();
    Author author = pickAuthor(persona);
    Topic topic = Topic.values()[weightedIndex(persona.topicWeights)];
    Platform platform = rng.nextDouble() < 0.7 ? author.home() : pickPlatform();
    boolean offTopic = topic == Topic.LIFE || topic == Topic.CHATTER;
    if (offTopic && (platform == Platform.REVIEW || platform == Platform.BLOG_COMMENT)) {
      platform = rng.nextBoolean() ? Platform.TWITTER : Platform.REDDIT;
    }
    Brand brand = rng.nextDouble() < brandShare(topic, platform) ? pickBrand(topic) : null;
    Brand other = brand != null && rng.nextDouble() < 0.09 ? otherBrand(brand) : null;
    Sentiment sentiment = pickSentiment(topic, brand);
    if (platform == Platform.REVIEW && sentiment == Sentiment.NEUTRAL) {
      sentiment = rng.nextBoolean() ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
    }
    boolean cue = persona != Persona.GENERAL && rng.nextDouble() < 0.88;
    Composed composed = compose(persona, topic, sentiment, brand, other, platform, cue, false);
    Post post =
        new Post(
            platform,
            author,
            composed.text(),
            baselineTime(),
            "en",
            topic,
            brand,
            composed.sentiment(),
            false);
    posts.add(post);
    return post;
  }

  private void foreignPost() {
    Foreign foreign = pick(FOREIGN);
    Author author = pickAuthor(pickPersona());
    Brand brand = pickBrand(foreign.topic());
    Platform platform = pick(new Platform[] {Platform.TWITTER, Platform.TWITTER, Platform.REVIEW});
    String text = fill(foreign.template(), new Slots(brand, null));
    posts.add(
        new Post(
            platform,
            author,
            text,
            baselineTime(),
            foreign.lang(),
            foreign.topic(),
            brand,
            foreign.sentiment(),
            false));
  }

  private Post spikePost() {
    Persona persona = pickPersona();
    Author author = pickAuthor(persona);
    Platform platform = Platform.values()[weightedIndex(new double[] {70, 14, 8, 0, 8})];
    double r = rng.nextDouble();
    Sentiment sentiment =
        r < 0.86 ? Sentiment.NEGATIVE : r < 0.95 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
    String template = pick(SPIKE.of(sentiment));
    if (persona != Persona.GENERAL && rng.nextDouble() < 0.5) {
      template = addCue(template, persona, platform);
    }
    String text = finish(fill(template, new Slots(Brand.ACME, null)), sentiment, platform);
    if (platform == Platform.REVIEW) {
      text = pick(REVIEW_PREFIXES.of(sentiment)) + " " + text;
    }
    long time = SPIKE_START + (long) (triangular(0.3) * (SPIKE_END - SPIKE_START));
    Post post =
        new Post(platform, author, text, time, "en", Topic.FRAUD, Brand.ACME, sentiment, true);
    posts.add(post);
    return post;
  }

  private int longThread(LongThread spec) {
    Author author = pickAuthor(spec.persona());
    long time = Instant.parse(spec.createdAt()).getEpochSecond();
    boolean spike = time >= SPIKE_START && time < SPIKE_END && spec.topic() == Topic.FRAUD;
    Post root =
        new Post(
            spec.platform(),
            author,
            spec.text(),
            time,
            "en",
            spec.topic(),
            spec.brand(),
            spec.sentiment(),
            spike);
    posts.add(root);
    return growThread(
        root,
        spec.replies(),
        spec.drift(),
        spec.replyPersona(),
        spec.replyPersonaShare(),
        spec.meanDelayMinutes());
  }

  // ---------------------------------------------------------------------------------------------
  // Replies

  /** Adds up to {@code count} replies under {@code root}; returns how many fit in the window. */
  private int growThread(
      Post root,
      int count,
      Drift drift,
      Persona replyPersona,
      double replyPersonaShare,
      double meanDelayMinutes) {
    List<Post> thread = new ArrayList<>();
    thread.add(root);
    boolean official =
        root.platform == Platform.TWITTER
            && (root.brand == Brand.ACME || root.brand == Brand.GLOBEX)
            && root.sentiment != Sentiment.POSITIVE
            && count >= 2
            && rng.nextDouble() < 0.35;
    int added = 0;
    long last = root.createdAt;
    for (int i = 0; i < count; i++) {
      Post parent =
          thread.size() == 1 || rng.nextDouble() < 0.55
              ? root
              : thread.get(thread.size() - 1 - rng.nextInt(Math.min(4, thread.size() - 1)));
      // Replies arrive one after another, so a drift in tone is also a drift over time.
      long time = last + 60 + (long) (-Math.log(1 - rng.nextDouble()) * meanDelayMinutes * 60);
      double progress = count == 1 ? 0 : i / (double) (count - 1);
      Sentiment sentiment =
          drift != null ? driftedSentiment(drift, progress) : replySentiment(root.sentiment);
      Author author;
      String body;
      boolean spikeOfficial = root.spike && drift != null && (i == 5 || i == 17 || i == 29);
      if (spikeOfficial) {
        parent = root;
        time = last + 120 + rng.nextInt(600);
        author = askAcme;
        body = SPIKE_OFFICIAL[Math.min(i / 12, SPIKE_OFFICIAL.length - 1)];
        sentiment = Sentiment.NEUTRAL;
      } else if (official && i == 1) {
        parent = root;
        time = last + 600 + rng.nextInt(5400);
        author = root.brand == Brand.ACME ? askAcme : globexHelp;
        body = fill(pick(OFFICIAL.of(root.sentiment)), new Slots(root.brand, null));
        sentiment = Sentiment.NEUTRAL;
      } else if (i > 0
          && rng.nextDouble() < 0.1
          && parent != root
          && parent.author != root.author) {
        author = root.author;
        body = fill(pick(OP_UPDATES.of(sentiment)), new Slots(root.brand, null));
      } else {
        author = replyAuthor(parent, replyPersona, replyPersonaShare);
        body = replyBody(root, author, sentiment);
      }
      if (time > END) {
        continue;
      }
      String prefix = "";
      if (root.platform == Platform.TWITTER
          || (root.platform == Platform.FORUM && rng.nextDouble() < 0.25)) {
        prefix = "@" + parent.author.handle() + " ";
      }
      Post reply =
          new Post(
              root.platform,
              author,
              prefix + body,
              time,
              "en",
              root.topic,
              root.brand,
              sentiment,
              root.spike && time < SPIKE_END + 3600);
      reply.root = root;
      reply.parent = parent;
      parent.children++;
      last = time;
      thread.add(reply);
      posts.add(reply);
      added++;
    }
    return added;
  }

  private Author replyAuthor(Post parent, Persona bias, double biasShare) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Author author =
          bias != null && rng.nextDouble() < biasShare
              ? pickAuthor(bias)
              : pickAuthor(pickPersona());
      if (author != parent.author) {
        return author;
      }
    }
    return pickAuthor(Persona.GENERAL);
  }

  private String replyBody(Post root, Author author, Sentiment sentiment) {
    Platform platform = root.platform;
    if (root.spike && rng.nextDouble() < 0.6) {
      return finish(
          fill(pick(SPIKE_REPLIES.of(sentiment)), new Slots(Brand.ACME, null)),
          sentiment,
          platform);
    }
    if (rng.nextDouble() < 0.4) {
      Brand brand = rng.nextDouble() < 0.75 ? root.brand : null;
      return finish(
          fill(pickFor(SHORT_REPLIES.of(sentiment), brand), new Slots(brand, null)),
          sentiment,
          platform);
    }
    Brand brand = rng.nextDouble() < 0.7 ? root.brand : null;
    if (root.topic == Topic.LIFE) {
      // Everyday-life threads stay on the root author's life: campus, wedding, kids...
      Persona persona = root.author.persona();
      return compose(persona, Topic.LIFE, sentiment, brand, null, platform, true, true).text();
    }
    boolean cue = author.persona() != Persona.GENERAL && rng.nextDouble() < 0.75;
    return compose(author.persona(), root.topic, sentiment, brand, null, platform, cue, true)
        .text();
  }

  private Sentiment replySentiment(Sentiment rootSentiment) {
    double r = rng.nextDouble();
    if (r < 0.55) {
      return rootSentiment;
    }
    if (r < 0.8) {
      return Sentiment.NEUTRAL;
    }
    return rootSentiment == Sentiment.POSITIVE ? Sentiment.NEGATIVE : Sentiment.POSITIVE;
  }

  private Sentiment driftedSentiment(Drift drift, double progress) {
    double positive =
        drift.startPositive() + (drift.endPositive() - drift.startPositive()) * progress;
    double negative =
        drift.startNegative() + (drift.endNegative() - drift.startNegative()) * progress;
    double r = rng.nextDouble();
    return r < positive
        ? Sentiment.POSITIVE
        : r < positive + negative ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
  }

  private static double threadChance(Platform platform) {
    return switch (platform) {
      case REDDIT, FORUM -> 1.0;
      case TWITTER -> 0.6;
      case BLOG_COMMENT -> 0.7;
      case REVIEW -> 0.0;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Texts

  record Composed(String text, Sentiment sentiment) {}

  /** Builds one English text about {@code topic}, with or without an audience cue and brands. */
  private Composed compose(
      Persona persona,
      Topic topic,
      Sentiment sentiment,
      Brand brand,
      Brand other,
      Platform platform,
      boolean cue,
      boolean reply) {
    String template;
    boolean cueDone = false;
    if (topic == Topic.LIFE) {
      template = pickFor(lifeLines(persona).of(sentiment), brand);
      cueDone = true;
    } else if (other != null) {
      List<Comparison> matching = new ArrayList<>();
      for (Comparison comparison : COMPARISONS) {
        if (comparison.topic() == topic) {
          matching.add(comparison);
        }
      }
      if (!matching.isEmpty() && rng.nextDouble() < 0.6) {
        Comparison comparison = matching.get(rng.nextInt(matching.size()));
        template = comparison.template();
        sentiment = comparison.sentiment();
      } else {
        template = pickFor(genericLines(topic).of(sentiment), brand);
        template = append(template, pick(COMPARISON_TAILS.of(sentiment)));
      }
    } else if (!reply && rng.nextDouble() < 0.08 && topic != Topic.CHATTER) {
      List<Contrast> matching = new ArrayList<>();
      for (Contrast contrast : CONTRASTS) {
        if (contrast.first() == topic || contrast.second() == topic) {
          matching.add(contrast);
        }
      }
      Contrast contrast = matching.get(rng.nextInt(matching.size()));
      template = contrast.template();
      sentiment = contrast.sentiment();
      if (brand == null && template.startsWith("^")) {
        template = pickFor(genericLines(topic).of(sentiment), null);
      }
    } else {
      Lines builtIn = builtInLines(persona, topic);
      if (builtIn != null && cue && rng.nextDouble() < 0.6) {
        template = pickFor(builtIn.of(sentiment), brand);
        cueDone = true;
      } else {
        template = pickFor(genericLines(topic).of(sentiment), brand);
      }
    }
    template = stripMarker(template);
    if (cue && !cueDone && topic != Topic.CHATTER) {
      template = addCue(template, persona, platform);
    }
    if (cue && rng.nextDouble() < 0.06) {
      Persona second = SECOND_AUDIENCE.get(persona);
      if (second != null) {
        template = append(template, pick(TAIL_CUES.get(second)));
      }
    }
    if (!reply
        && (platform == Platform.REDDIT || platform == Platform.FORUM)
        && rng.nextDouble() < 0.45) {
      template =
          rng.nextBoolean()
              ? pick(LONG_FORM_OPENERS) + " " + template
              : append(template, pick(LONG_FORM_CLOSERS));
    }
    String text = fill(template, new Slots(brand, other));
    text = finish(text, sentiment, platform);
    if (topic == Topic.LIFE && persona == Persona.COLLEGE && rng.nextDouble() < 0.5) {
      text = text.toLowerCase(Locale.ROOT);
    }
    if (!reply && platform == Platform.REVIEW) {
      text = pick(REVIEW_PREFIXES.of(sentiment)) + " " + text;
    }
    return new Composed(text, sentiment);
  }

  private String addCue(String template, Persona persona, Platform platform) {
    double leadIn = platform == Platform.REVIEW ? 1.0 : platform == Platform.TWITTER ? 0.5 : 0.75;
    if (rng.nextDouble() < leadIn) {
      return pick(LEAD_INS.get(persona)) + " " + template;
    }
    return append(template, pick(TAIL_CUES.get(persona)));
  }

  /** Appends a sentence or a tag, ending the previous sentence first when it needs it. */
  private static String append(String text, String addition) {
    char last = text.charAt(text.length() - 1);
    boolean sentence = Character.isUpperCase(addition.charAt(0));
    boolean open = Character.isLetterOrDigit(last) || last == '}' || last == '\'';
    return text + (sentence && open ? ". " : " ") + addition;
  }

  /** Picks a template, skipping those that need a brand when there is none. */
  private String pickFor(String[] templates, Brand brand) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String template = pick(templates);
      if (brand != null || !template.startsWith("^")) {
        return template;
      }
    }
    for (String template : templates) {
      if (!template.startsWith("^")) {
        return template;
      }
    }
    throw new IllegalStateException("no brand-free template in " + templates[0]);
  }

  private static String stripMarker(String template) {
    return template.startsWith("^") ? template.substring(1) : template;
  }

  private String fill(String template, Slots slots) {
    template = stripMarker(template);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      out.append(slots.value(template.substring(open + 1, close)));
      i = close + 1;
    }
    return tidy(out.toString());
  }

  /** "a Acme card" reads as "an Acme card". */
  private static final Pattern ARTICLE_BEFORE_VOWEL_BRAND =
      Pattern.compile("\\b([Aa]) ((?i:acme|akme|initech|initek|inittech|initec)\\w*)");

  /**
   * Collapses the gaps left by empty placeholders, fixes the article before a brand name and
   * capitalises each sentence.
   */
  private static String tidy(String text) {
    String t = text.replaceAll(" {2,}", " ").replace(" ,", ",").replace(" .", ".").trim();
    t = ARTICLE_BEFORE_VOWEL_BRAND.matcher(t).replaceAll("$1n $2");
    StringBuilder out = new StringBuilder(t.length());
    boolean capitalize = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (capitalize && Character.isLetter(c)) {
        out.append(Character.toUpperCase(c));
        capitalize = false;
      } else {
        out.append(c);
        if (!Character.isWhitespace(c)) {
          capitalize = false;
        }
      }
      if ((c == '.' || c == '!' || c == '?') && i + 1 < t.length() && t.charAt(i + 1) == ' ') {
        capitalize = true;
      }
    }
    return out.toString();
  }

  /** Social-media styling: elongations, ALL CAPS, typos, lower case, emoji and hashtags. */
  private String finish(String text, Sentiment sentiment, Platform platform) {
    if (rng.nextDouble() < 0.12) {
      text = replaceFirstWord(text, ELONGATIONS);
    }
    if (rng.nextDouble() < (sentiment == Sentiment.NEGATIVE ? 0.2 : 0.08)) {
      text = capsFirstWord(text);
    }
    if (rng.nextDouble() < 0.08) {
      text = replaceFirstWord(text, TYPOS);
    }
    if (platform != Platform.REVIEW && text.length() < 120 && rng.nextDouble() < 0.16) {
      text = append(text, pick(CLOSERS.of(sentiment)));
    }
    double lower = platform == Platform.TWITTER ? 0.22 : 0.07;
    if (rng.nextDouble() < lower) {
      text = text.toLowerCase(Locale.ROOT);
    }
    double emoji =
        switch (platform) {
          case TWITTER -> 0.5;
          case REDDIT, FORUM -> 0.12;
          default -> 0.25;
        };
    if (rng.nextDouble() < emoji && !endsWithEmoji(text)) {
      String e = pick(EMOJI.of(sentiment));
      text = text + " " + (rng.nextDouble() < 0.2 ? e + e : e);
    }
    if (platform == Platform.TWITTER && rng.nextDouble() < 0.15) {
      text = text + " " + pick(HASHTAGS);
    }
    return text;
  }

  private static boolean endsWithEmoji(String text) {
    int last = text.codePointBefore(text.length());
    return last > 0x2000;
  }

  private String replaceFirstWord(String text, String[][] pairs) {
    int start = rng.nextInt(pairs.length);
    for (int k = 0; k < pairs.length; k++) {
      String[] pair = pairs[(start + k) % pairs.length];
      Matcher m = Pattern.compile("\\b" + Pattern.quote(pair[0]) + "\\b").matcher(text);
      if (m.find()) {
        return text.substring(0, m.start()) + pair[1] + text.substring(m.end());
      }
    }
    return text;
  }

  private String capsFirstWord(String text) {
    int start = rng.nextInt(CAPS_WORDS.length);
    for (int k = 0; k < CAPS_WORDS.length; k++) {
      String word = CAPS_WORDS[(start + k) % CAPS_WORDS.length];
      Matcher m = Pattern.compile("\\b" + word + "\\b").matcher(text);
      if (m.find()) {
        return text.substring(0, m.start())
            + word.toUpperCase(Locale.ROOT)
            + text.substring(m.end());
      }
    }
    return text;
  }

  private String mention(Brand brand) {
    double r = rng.nextDouble();
    if (r < 0.62) {
      return pick(brand.names);
    }
    return r < 0.88 ? pick(brand.handles) : pick(brand.misspellings);
  }

  private String shortName(Brand brand) {
    if (rng.nextDouble() < 0.12) {
      String misspelling = pick(brand.misspellings);
      return misspelling.endsWith("card") ? brand.label : misspelling;
    }
    String name = pick(brand.names);
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  // ---------------------------------------------------------------------------------------------
  // Choices

  private static double brandShare(Topic topic, Platform platform) {
    if (platform == Platform.REVIEW || topic == Topic.CHATTER) {
      return 1.0;
    }
    if (topic == Topic.LIFE) {
      return 0.35;
    }
    return 0.9;
  }

  private Brand pickBrand(Topic topic) {
    return Brand.values()[weightedIndex(topic.brandMix)];
  }

  private Brand otherBrand(Brand brand) {
    Brand other = brand;
    while (other == brand) {
      other = Brand.values()[rng.nextInt(Brand.values().length)];
    }
    return other;
  }

  private Sentiment pickSentiment(Topic topic, Brand brand) {
    double[] mix = topic.sentimentMix.clone();
    if (brand == Brand.GLOBEX && topic == Topic.INTEREST) {
      mix[2] += 0.2;
    } else if (brand == Brand.INITECH && topic == Topic.ANNUAL_FEES) {
      mix[2] += 0.2;
    } else if (brand == Brand.ACME && topic == Topic.SERVICE) {
      mix[2] += 0.15;
    } else if (brand == Brand.ACME && topic == Topic.REWARDS) {
      mix[0] += 0.15;
    } else if (brand == Brand.GLOBEX && topic == Topic.CONSOLIDATION) {
      mix[0] += 0.15;
    }
    return Sentiment.values()[weightedIndex(mix)];
  }

  private Platform pickPlatform() {
    double[] weights = new double[Platform.values().length];
    for (Platform platform : Platform.values()) {
      weights[platform.ordinal()] = platform.weight;
    }
    return Platform.values()[weightedIndex(weights)];
  }

  private long baselineTime() {
    int day = rng.nextInt(5);
    int hour = weightedIndex(HOUR_WEIGHTS);
    return START + day * 86_400L + hour * 3_600L + rng.nextInt(3_600);
  }

  private double triangular(double mode) {
    double u = rng.nextDouble();
    return u < mode ? Math.sqrt(u * mode) : 1 - Math.sqrt((1 - u) * (1 - mode));
  }

  private int geometric(double p, int max) {
    int n = 0;
    while (n < max && rng.nextDouble() < p) {
      n++;
    }
    return n;
  }

  private int weightedIndex(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private <T> T pick(T[] values) {
    return values[rng.nextInt(values.length)];
  }

  private int pick(int[] values) {
    return values[rng.nextInt(values.length)];
  }

  private static String dollars(int amount) {
    return String.format(Locale.US, "$%,d", amount);
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private void assignIds() {
    Map<Platform, Integer> next = new EnumMap<>(Platform.class);
    Map<Post, Integer> threadSizes = new IdentityHashMap<>();
    for (Post post : posts) {
      int n = next.merge(post.platform, 1, Integer::sum);
      post.id = String.format(Locale.ROOT, "%s-%06d", post.platform.idPrefix, n);
      post.indexInThread = threadSizes.merge(post.threadRoot(), 1, Integer::sum);
    }
  }

  private ObjectNode toJson(Post post) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", post.id);
    json.put("platform", post.platform.wire);
    json.put("text", post.text);
    json.put("created_at", ISO.format(Instant.ofEpochSecond(post.createdAt)));
    boolean declaresLang =
        !post.lang.equals("en")
            || !(post.platform == Platform.FORUM || post.platform == Platform.BLOG_COMMENT)
            || rng.nextDouble() < 0.6;
    if (declaresLang) {
      json.put("lang", post.lang);
    }
    ObjectNode author = json.putObject("author");
    author.put("id", post.author.id());
    author.put("handle", post.author.handle());
    author.put("followers", post.author.followers());
    if (post.author.bio() != null) {
      author.put("bio", post.author.bio());
    }
    String url = url(post);
    if (url != null) {
      json.put("url", url);
    }
    if (post.root != null) {
      json.put("thread_id", post.root.id);
      json.put("parent_id", post.parent.id);
    }
    if (rng.nextDouble() < 0.92) {
      json.set("metrics", metrics(post));
    }
    return json;
  }

  private String url(Post post) {
    Post root = post.threadRoot();
    int number = Integer.parseInt(post.id.substring(2));
    int rootNumber = Integer.parseInt(root.id.substring(2));
    return switch (post.platform) {
      case TWITTER -> {
        long snowflake =
            ((post.createdAt * 1000 - 1_288_834_974_657L) << 22) | (number * 4099L & 0x3FFFFF);
        yield "https://x.com/" + post.author.handle() + "/status/" + snowflake;
      }
      case REDDIT -> {
        String base =
            "https://www.reddit.com/r/"
                + subreddit(root)
                + "/comments/"
                + Long.toString(0x1b2c3d4L + rootNumber * 7919L, 36)
                + "/"
                + slug(root.text)
                + "/";
        yield post == root ? base : base + Long.toString(0x6f1e00aL + number * 104_729L, 36) + "/";
      }
      case FORUM ->
          rng.nextDouble() < 0.8
              ? "https://forum.cardtalk.example/t/"
                  + slug(root.text)
                  + "/"
                  + (40_000 + rootNumber)
                  + "/"
                  + post.indexInThread
              : null;
      case BLOG_COMMENT ->
          "https://blog.moneywise.example/" + article(root) + "#comment-" + (18_000 + number);
      case REVIEW ->
          rng.nextDouble() < 0.85
              ? "https://reviews.cardrater.example/"
                  + (post.brand == null ? "credit-cards" : post.brand.label + "-card")
                  + "/reviews/"
                  + (5_000 + number)
              : null;
    };
  }

  private static String subreddit(Post root) {
    if (root.topic == Topic.LIFE) {
      return switch (root.author.persona()) {
        case NEWLYWED -> "Newlyweds";
        case ENTREPRENEUR -> "smallbusiness";
        case NEW_JOB -> "careerguidance";
        case PARENT -> "Parenting";
        case RETIREE -> "retirement";
        default -> "college";
      };
    }
    return switch (root.topic) {
      case FINANCING -> "smallbusiness";
      case REWARDS -> "churning";
      case CONSOLIDATION -> "personalfinance";
      case FRAUD -> "Scams";
      default -> "CreditCards";
    };
  }

  private static String article(Post root) {
    return switch (root.topic) {
      case CONSOLIDATION -> "2026/11/balance-transfer-guide-for-couples";
      case FINANCING -> "2026/10/business-credit-cards-for-new-founders";
      case CREDIT_LIMIT -> "2026/11/how-to-ask-for-a-credit-limit-increase";
      case INTEREST -> "2026/11/why-your-apr-just-went-up";
      case ANNUAL_FEES, REWARDS -> "2026/11/is-a-premium-card-worth-the-annual-fee";
      case FRAUD -> "2026/09/card-fraud-what-to-do-first";
      case CREDIT_SCORE -> "2026/10/credit-score-myths";
      default -> "2026/11/the-best-credit-cards-right-now";
    };
  }

  private static String slug(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split(" +");
    StringBuilder slug = new StringBuilder();
    for (int i = 0; i < words.length && i < 7; i++) {
      if (!words[i].isEmpty()) {
        slug.append(slug.length() == 0 ? "" : "_").append(words[i]);
      }
    }
    return slug.length() == 0 ? "post" : slug.toString();
  }

  private ObjectNode metrics(Post post) {
    ObjectNode metrics = MAPPER.createObjectNode();
    double noise = Math.exp(0.9 * rng.nextGaussian());
    int followers = post.author.followers();
    long likes;
    switch (post.platform) {
      case TWITTER -> {
        likes = Math.round(Math.pow(followers, 0.75) * 0.06 * noise) + 2L * post.children;
        if (post.spike) {
          likes += 4 + rng.nextInt(30);
        }
        metrics.put("likes", likes);
        metrics.put("shares", Math.round(likes * (0.05 + 0.3 * rng.nextDouble())));
        metrics.put("replies", post.children);
        metrics.put(
            "views", Math.round(followers * (0.1 + 0.7 * rng.nextDouble())) + likes * 30 + 12);
      }
      case REDDIT -> {
        metrics.put(
            "likes", Math.round(Math.exp(1.6 + 1.4 * rng.nextGaussian())) + 3L * post.children);
        metrics.put("replies", post.children);
      }
      case FORUM -> {
        metrics.put(
            "likes",
            Math.max(0, Math.round(Math.exp(0.6 + rng.nextGaussian())) - 1) + post.children);
        metrics.put("replies", post.children);
        metrics.put(
            "views", 25 + Math.round(Math.exp(4.2 + rng.nextGaussian())) + 40L * post.children);
      }
      case BLOG_COMMENT -> {
        metrics.put("likes", Math.max(0, Math.round(Math.exp(0.4 + rng.nextGaussian())) - 1));
        metrics.put("replies", post.children);
      }
      case REVIEW ->
          metrics.put("likes", Math.max(0, Math.round(Math.exp(0.7 + rng.nextGaussian())) - 1));
    }
    return metrics;
  }

  private String invalidLine(int k, long near) throws JsonProcessingException {
    String at = ISO.format(Instant.ofEpochSecond(near));
    ObjectNode json = MAPPER.createObjectNode();
    switch (k) {
      case 0 -> {
        // Not JSON: a line cut off in the middle of an export.
        return "{\"id\":\"t-900001\",\"platform\":\"twitter\",\"text\":\"@acmecard why does my card"
            + " keep getting declined at";
      }
      case 1 -> {
        json.put("id", "r-900002");
        json.put("platform", "reddit");
        json.put("created_at", at);
        json.put("lang", "en");
        json.putObject("author").put("handle", "[deleted]");
      }
      case 2 -> {
        json.put("id", "f-900003");
        json.put("platform", "forum");
        json.put("text", "Anyone else had their acme card declined at the pharmacy?");
        json.put("created_at", "yesterday");
      }
      case 3 -> {
        json.put("platform", "twitter");
        json.put("text", "@globex your app keeps logging me out 🙄");
        json.put("created_at", at);
        json.put("lang", "en");
      }
      case 4 -> {
        json.put("id", "b-900005");
        json.put("platform", "");
        json.put("text", "Great article, the balance transfer section helped a lot");
        json.put("created_at", at);
      }
      default -> {
        json.put("id", "t-900006");
        json.put("platform", "twitter");
        json.put("text", "Initech just waived the annual fee for me, nice 👍");
        json.put("created_at", at);
        json.put("lang", "en");
        json.putObject("author")
            .put("id", "u-0999")
            .put("handle", "spreadsheet_sam")
            .put("followers", "many");
      }
    }
    return MAPPER.writeValueAsString(json);
  }

  // ---------------------------------------------------------------------------------------------
  // Template lookup

  private static Lines genericLines(Topic topic) {
    return switch (topic) {
      case CONSOLIDATION -> CONSOLIDATION;
      case FINANCING -> FINANCING;
      case CREDIT_LIMIT -> CREDIT_LIMIT;
      case INTEREST -> INTEREST;
      case ANNUAL_FEES -> ANNUAL_FEES;
      case REWARDS -> REWARDS;
      case FRAUD -> FRAUD;
      case SERVICE -> SERVICE;
      case BILLING -> BILLING;
      case CREDIT_SCORE -> CREDIT_SCORE;
      case LIFE, CHATTER -> CHATTER;
    };
  }

  /** Templates that carry their own audience cue, for the pairs the worked example is about. */
  private static Lines builtInLines(Persona persona, Topic topic) {
    if (persona == Persona.NEWLYWED && topic == Topic.CONSOLIDATION) {
      return NEWLYWED_CONSOLIDATION;
    } else if (persona == Persona.ENTREPRENEUR && topic == Topic.FINANCING) {
      return ENTREPRENEUR_FINANCING;
    } else if (persona == Persona.NEW_JOB && topic == Topic.CREDIT_LIMIT) {
      return NEW_JOB_CREDIT_LIMIT;
    } else if (persona == Persona.PARENT && (topic == Topic.REWARDS || topic == Topic.FRAUD)) {
      return topic == Topic.REWARDS ? PARENT_REWARDS : PARENT_FRAUD;
    } else if (persona == Persona.RETIREE
        && (topic == Topic.FRAUD || topic == Topic.SERVICE || topic == Topic.INTEREST)) {
      return RETIREE_MONEY;
    } else if (persona == Persona.COLLEGE
        && (topic == Topic.REWARDS || topic == Topic.CREDIT_SCORE)) {
      return COLLEGE_FIRST_CARD;
    }
    return null;
  }

  private static Lines lifeLines(Persona persona) {
    return switch (persona) {
      case COLLEGE -> COLLEGE_LIFE;
      case NEWLYWED -> NEWLYWED_LIFE;
      case ENTREPRENEUR -> ENTREPRENEUR_LIFE;
      case NEW_JOB -> NEW_JOB_LIFE;
      case PARENT -> PARENT_LIFE;
      case RETIREE -> RETIREE_LIFE;
      case GENERAL -> CHATTER;
    };
  }

  private static String[] cueBios(Persona persona) {
    return switch (persona) {
      case COLLEGE ->
          new String[] {
            "econ student at {uni} 📚",
            "undergrad @ {uni} | {hobby}",
            "{uni} class of 2027",
            "class of 2028 | {hobby} | {city}",
            "CS student at {uni}. powered by coffee"
          };
      case NEWLYWED ->
          new String[] {
            "Mrs. {last} since {month} 💍",
            "newlywed | {city}",
            "just married 💕 {hobby}",
            "newlywed, {hobby}, plant hoarder"
          };
      case ENTREPRENEUR ->
          new String[] {
            "founder @ {startup}", "owner of {shop}", "entrepreneur | {city}",
            "co-founder, {startup}. building in public", "CEO of {startup}",
                "owner of {shop} since 2021"
          };
      case NEW_JOB ->
          new String[] {
            "{job} | new role at {workplace} 🚀",
            "recently hired {job} in {city}",
            "new role at {workplace}. {hobby} on weekends"
          };
      case PARENT ->
          new String[] {
            "mom of {n} | {city}",
            "dad of {n}, {hobby} on weekends",
            "mother of twins and one old dog",
            "father of {n}. {job}.",
            "parent. {job}. always tired."
          };
      case RETIREE ->
          new String[] {
            "retired {job}. {hobby} and grandkids",
            "grandma of {n} 💕",
            "grandpa | {hobby}",
            "retiree in {city}",
            "retired and loving it"
          };
      case GENERAL -> NEUTRAL_BIOS;
    };
  }

  // =============================================================================================
  // Data: fillers

  static final String[] GENERIC_ISSUERS = {
    "my bank", "my card company", "my credit card company", "my card issuer", "the bank"
  };
  static final String[] LOW_APRS = {"15.99%", "17.24%", "18.49%", "19.99%", "20.74%"};
  static final String[] HIGH_APRS = {"24.99%", "26.49%", "27.49%", "28.99%", "29.99%", "31.24%"};
  static final String[] POINT_AMOUNTS = {
    "20,000 points",
    "30,000 points",
    "50,000 points",
    "60,000 points",
    "75,000 points",
    "80,000 points",
    "100,000 points"
  };
  static final String[] PERCENTS = {"2%", "3%", "5%", "1.5%", "4%"};
  static final String[] FEES = {"$95", "$150", "$250", "$395", "$550", "$695"};
  static final String[] DURATIONS = {
    "45 minutes",
    "an hour",
    "2 hours",
    "90 minutes",
    "3 hours",
    "55 minutes",
    "over an hour",
    "2.5 hours",
    "40 minutes",
    "an hour and 20 minutes"
  };
  static final String[] DAYS = {
    "3 days", "5 days", "a week", "10 days", "two weeks", "4 days", "9 days", "almost a month"
  };
  static final String[] MERCHANTS = {
    "Target",
    "Costco",
    "Walmart",
    "Home Depot",
    "Whole Foods",
    "Trader Joe's",
    "Best Buy",
    "Amazon",
    "IKEA",
    "Kroger",
    "Walgreens",
    "CVS",
    "Shell",
    "Chevron",
    "Starbucks",
    "Uber Eats",
    "DoorDash",
    "the Apple Store",
    "Safeway",
    "Lowe's"
  };
  static final String[] CITIES = {
    "Austin",
    "Denver",
    "Chicago",
    "Phoenix",
    "Seattle",
    "Atlanta",
    "Boston",
    "Miami",
    "Portland",
    "Nashville",
    "San Diego",
    "Columbus",
    "Charlotte",
    "Minneapolis",
    "Tampa",
    "Raleigh",
    "Houston",
    "Dallas",
    "Philadelphia",
    "Pittsburgh",
    "Salt Lake City",
    "Kansas City"
  };
  static final String[] DESTINATIONS = {
    "Cancun",
    "Lisbon",
    "Maui",
    "Tokyo",
    "Rome",
    "Bali",
    "Paris",
    "Iceland",
    "Costa Rica",
    "Barcelona",
    "Santorini"
  };
  static final String[] ITEMS = {
    "a second oven", "a commercial espresso machine", "two new laptops", "a 3D printer",
    "a used delivery van", "a pottery kiln", "new POS terminals", "camera gear",
    "a walk-in cooler", "a laser cutter"
  };
  static final String[] VENTURES = {
    "my bakery",
    "my shop",
    "my startup",
    "my small business",
    "my side hustle",
    "my company",
    "my new venture"
  };
  static final String[] JOBS = {
    "nurse",
    "software engineer",
    "teacher",
    "accountant",
    "electrician",
    "paralegal",
    "data analyst",
    "line cook",
    "pharmacist",
    "project manager",
    "sales associate",
    "dental hygienist",
    "mechanic",
    "graphic designer"
  };
  static final String[] EMPLOYERS = {
    "a hospital",
    "a logistics firm",
    "the school district",
    "a law firm",
    "an airline",
    "a hotel chain",
    "a construction firm",
    "a marketing agency",
    "an accounting firm",
    "a software firm",
    "a credit union"
  };
  static final String[] WORKPLACES = {
    "Northwind Logistics", "Cedar Health", "Brightline Schools", "Summit Analytics", "Harbor & Pine"
  };
  static final String[] UNIVERSITIES = {
    "Ohio State",
    "UCLA",
    "UT Austin",
    "Michigan",
    "Rutgers",
    "Georgia Tech",
    "NYU",
    "Penn State",
    "ASU",
    "UW"
  };
  static final String[] COURSES = {"orgo", "calc 2", "econ 101", "stats", "bio", "physics", "chem"};
  static final String[] FOODS = {"ramen", "pizza", "tacos", "boba", "mac and cheese", "cereal"};
  static final String[] MONTHS = {"June", "July", "August", "September", "October"};
  static final String[] SIGNATURES = {"JM", "AL", "RK", "TS", "DW", "PB"};
  static final String[] STARTUPS = {
    "Loopwise", "Brightcrate", "Fernbrook Labs", "Tidepool", "Kettle & Co", "Northpaw"
  };
  static final String[] SHOPS = {
    "Sugar Rush Bakery", "Hilltop Coffee", "Bloom Florals", "Ironside Fitness", "Thread & Needle"
  };
  static final String[] HOBBIES = {
    "hiking",
    "coffee",
    "dogs",
    "running",
    "gaming",
    "photography",
    "cooking",
    "baseball",
    "board games",
    "gardening",
    "cycling",
    "true crime podcasts"
  };
  static final String[] FIRST_NAMES = {
    "Jenna", "Marcus", "Priya", "Diego", "Aisha", "Tyler", "Sofia", "Kevin", "Mei", "Jordan",
    "Olivia", "Andre", "Hannah", "Luis", "Fatima", "Ethan", "Grace", "Omar", "Chloe", "Nate", "Zoe",
    "Ravi", "Emily", "Carlos", "Leah", "Jamal", "Nina", "Sam", "Rosa", "Ben", "Aaliyah", "Connor",
    "Yuki", "Maya", "Derek", "Ines", "Trevor", "Lauren", "Malik", "Elena", "Brandon", "Kayla",
    "Victor", "Amara", "Cole", "Lucy", "Hector", "Brooke", "Dev", "Tara", "Gus", "Ruth", "Walter",
    "Linda", "Frank", "Carol", "Gloria", "Harold", "Diane", "Earl"
  };
  static final String[] LAST_NAMES = {
    "Kim",
    "Patel",
    "Garcia",
    "Johnson",
    "Nguyen",
    "Brown",
    "Okafor",
    "Smith",
    "Rossi",
    "Chen",
    "Miller",
    "Lopez",
    "Davis",
    "Singh",
    "Wilson",
    "Martin",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Hall",
    "Allen",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Ramirez",
    "Campbell",
    "Mitchell",
    "Roberts",
    "Carter",
    "Evans",
    "Turner",
    "Torres",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Cooper",
    "Reed"
  };
  static final String[] HANDLE_WORDS = {
    "coffee",
    "sunny",
    "midnight",
    "frugal",
    "budget",
    "retro",
    "urban",
    "lucky",
    "chill",
    "spicy",
    "daily",
    "quiet",
    "rainy",
    "maple",
    "cedar",
    "its"
  };
  static final String[] NEUTRAL_BIOS = {
    "{hobby} | {city}",
    "{job} in {city}. Opinions my own.",
    "coffee, {hobby}, and spreadsheets",
    "{city} born and raised",
    "just here for the memes",
    "{hobby} enthusiast",
    "personal finance nerd",
    "dog person. {hobby}.",
    "sports, {hobby}, bad puns",
    "{job}. {hobby}. {city}.",
    "trying to get my finances together one day at a time",
    "views are my own, typos are too"
  };
  static final String[] INFLUENCER_BIOS = {
    "Personal finance writer. Newsletter every Sunday.", "Consumer advocate | money tips daily",
    "Travel hacker. Points and miles, every day.", "Fintech reporter. Tips welcome, DMs open.",
    "Host of the Money Minute podcast", "Credit card reviewer since 2014. No sponsored posts.",
    "Debt-free since 2022, helping you get there too", "Cards, credit and consumer rights."
  };

  // =============================================================================================
  // Data: audience cues

  static final Map<Persona, String[]> LEAD_INS = new EnumMap<>(Persona.class);
  static final Map<Persona, String[]> TAIL_CUES = new EnumMap<>(Persona.class);
  static final Map<Persona, Persona> SECOND_AUDIENCE = new EnumMap<>(Persona.class);

  static {
    LEAD_INS.put(
        Persona.COLLEGE,
        new String[] {
          "College student here.", "Broke college student checking in.", "Student budget update:",
          "Finals week and now this.", "Freshman year lesson:", "Tuition is due next week, so.",
          "Dorm life update:", "Sophomore at {uni} here."
        });
    TAIL_CUES.put(
        Persona.COLLEGE,
        new String[] {
          "#college",
          "#student",
          "(broke college student here)",
          "- signed, a tired student",
          "#FinalsWeek",
          "(student, for context)"
        });
    LEAD_INS.put(
        Persona.NEWLYWED,
        new String[] {
          "Just married 💍",
          "Newlywed here!",
          "Since we got married:",
          "Back from our honeymoon.",
          "Wedding is over, reality time.",
          "Hubby and I are sorting out our finances.",
          "Married life update:",
          "Just got married last month."
        });
    TAIL_CUES.put(
        Persona.NEWLYWED,
        new String[] {
          "#JustMarried",
          "#newlyweds",
          "(newlywed problems)",
          "#marriedlife",
          "#wedding",
          "(we just got married, for context)"
        });
    LEAD_INS.put(
        Persona.ENTREPRENEUR,
        new String[] {
          "Small business owner here.",
          "Founder life:",
          "Running my startup on fumes.",
          "Side hustle update:",
          "Just launched my shop last month.",
          "Running my bakery means every dollar counts.",
          "Small business owner perspective:"
        });
    TAIL_CUES.put(
        Persona.ENTREPRENEUR,
        new String[] {
          "#smallbusiness",
          "#startup",
          "#founder",
          "#SideHustle",
          "(small business owner)",
          "(asking for my small business)"
        });
    LEAD_INS.put(
        Persona.NEW_JOB,
        new String[] {
          "Started my new job this week!", "Got promoted 🎉", "First paycheck from the new job.",
          "New role, new city.", "Just got hired!", "Week one at the new position."
        });
    TAIL_CUES.put(
        Persona.NEW_JOB,
        new String[] {
          "#NewJob",
          "#promotion",
          "#firstpaycheck",
          "(new job, new me)",
          "(just started a new job, if that matters)"
        });
    LEAD_INS.put(
        Persona.PARENT,
        new String[] {
          "Mom of {n} here.",
          "Dad of {n} checking in.",
          "Parenting is expensive enough.",
          "My kids are in daycare now, every dollar counts.",
          "Back to school season.",
          "Just dropped my son at practice."
        });
    TAIL_CUES.put(
        Persona.PARENT,
        new String[] {
          "#parenting", "#backtoschool", "(mom of {n})", "- tired dad of {n}", "#momlife #parenting"
        });
    LEAD_INS.put(
        Persona.RETIREE,
        new String[] {
          "Retired teacher here.", "Since I retired I watch every penny.",
          "On a fixed income, so this matters.", "Grandkids are visiting this week.",
          "Retirement was supposed to be relaxing."
        });
    TAIL_CUES.put(
        Persona.RETIREE,
        new String[] {
          "#retirement",
          "#retired",
          "#fixedincome",
          "(retired and watching every penny)",
          "(retired, on a fixed income)"
        });
    SECOND_AUDIENCE.put(Persona.COLLEGE, Persona.NEW_JOB);
    SECOND_AUDIENCE.put(Persona.NEWLYWED, Persona.NEW_JOB);
    SECOND_AUDIENCE.put(Persona.ENTREPRENEUR, Persona.PARENT);
    SECOND_AUDIENCE.put(Persona.NEW_JOB, Persona.NEWLYWED);
    SECOND_AUDIENCE.put(Persona.PARENT, Persona.ENTREPRENEUR);
    SECOND_AUDIENCE.put(Persona.RETIREE, Persona.ENTREPRENEUR);
  }

  // =============================================================================================
  // Data: topic templates without audience cues. Placeholders: {b} a brand mention (or a generic
  // issuer when there is no brand), {bn} a short brand name (or nothing), {b2} a second brand.

  static final Lines CONSOLIDATION =
      new Lines(
          new String[] {
            "Balance transfer to {b} went through in 2 days. {amt} at 0% intro for 18 months,"
                + " finally a real plan to pay this off",
            "Consolidating everything onto one {bn} card was the best money decision I made this"
                + " year",
            "{b} approved my balance transfer in minutes. Goodbye {highapr} APR",
            "Finally combined our cards into one joint account with {b}. One bill, one due date, so"
                + " much less stress",
            "Added my partner as an authorized user on {b} today, took 5 minutes in the app",
            "Paid off the last of the balance transfer on my {bn} card today. Debt free, feels"
                + " amazing"
          },
          new String[] {
            "Does {b} charge a fee for balance transfers right now? Looking to consolidate about"
                + " {amt}",
            "How long does a balance transfer to {b} usually take? It's been {days}",
            "Joint card vs authorized user, what's the actual difference with {b}?",
            "PSA: the {bn} balance transfer offer in the app is 0% intro for 15 months with a 4%"
                + " fee",
            "Is it smarter to consolidate onto one card or keep them separate for the credit line?",
            "Trying to figure out if a balance transfer makes sense for {amt}. Thoughts?"
          },
          new String[] {
            "{b} rejected my balance transfer request and won't tell me why. Trying to consolidate"
                + " {amt} and getting nowhere",
            "Balance transfer has been 'processing' for {days}. Meanwhile interest keeps piling up"
                + " on the old card",
            "{b} says adding an authorized user needs a hard pull?? That's ridiculous",
            "Tried to merge our cards into one joint card with {b}. Three phone calls, two forms,"
                + " still not done",
            "The 5% balance transfer fee at {b} eats half the savings. Not impressed",
            "Consolidation offer from {b} looked great until I read the fine print. Deferred"
                + " interest. No thanks"
          });

  static final Lines FINANCING =
      new Lines(
          new String[] {
            "{b} gave me a {big} line of credit for the renovation project, approved in minutes",
            "Used {b} 0% financing for new equipment and it paid for itself in 4 months",
            "Shoutout to {b} for funding the last stretch of the project when the grant fell"
                + " through",
            "Business card from {b} came with 2% back on inventory and a decent limit. Happy",
            "Financing the new workshop through {b} was way easier than the SBA route"
          },
          new String[] {
            "Anyone used a {bn} line of credit to fund a project? Curious about terms",
            "What does {b} look at for a line of credit, revenue or personal credit?",
            "Comparing financing options for {item}, {b} offered 12 months at 0%",
            "Does {b} report business card balances to the personal bureaus?",
            "How much capital can you realistically get from {b} with 1 year of revenue?"
          },
          new String[] {
            "{b} cut my line of credit in half with no warning, right in the middle of the project",
            "Applied for financing with {b} for {item}. Got declined after a 3 week wait. Brutal",
            "{b} wants 2 years of tax returns for a {big} line of credit. So much for easy funding",
            "Equipment financing through {b} came with a {highapr} rate. Absolutely not",
            "Capital is tight and {b} just put the business card 'under review'. Great timing 🙃"
          });

  static final Lines CREDIT_LIMIT =
      new Lines(
          new String[] {
            "{b} just raised my credit limit from {limit} to {newlimit} without me even asking",
            "Requested a CLI from {b} in the app, limit raised in 30 seconds. No hard pull!",
            "Got a limit increase from {b} today. Utilization looking way better now",
            "Credit line increase approved by {b}, {limit} to {newlimit}. Thanks!",
            "A year of on-time payments and {b} bumped my spending limit. Love it"
          },
          new String[] {
            "How often does {b} allow a credit limit increase request? Every 6 months?",
            "Is it a hard pull if I ask {b} for a higher limit?",
            "Anyone know the max credit limit on the {bn} card?",
            "Asked {b} for a credit line increase, they want proof of income. Is that normal?",
            "Auto CLI or request one yourself with {b}, what's worked for you?"
          },
          new String[] {
            "{b} did a limit decrease on me from {newlimit} to {limit}. Never missed a payment."
                + " Why??",
            "Asked {b} to raise my limit and got declined. Same income as last year",
            "{b} approved me with a {limit} credit limit. {limit}. In this economy?",
            "Requested a higher limit from {b}, they did a hard pull AND said no. Thanks for"
                + " nothing",
            "My credit limit has been stuck at {limit} for 3 years with {b} while every other card"
                + " grows"
          });

  static final Lines INTEREST =
      new Lines(
          new String[] {
            "{b} lowered my APR from {highapr} to {lowapr} after one phone call. Always ask!",
            "0% intro APR for 21 months on {b}, perfect timing for the move",
            "Paid off the whole balance before the intro rate ended. Zero interest paid to {b} 😎",
            "Honestly {b} has the lowest interest rate of any card in my wallet"
          },
          new String[] {
            "What's the current APR on {b} for new cardholders?",
            "Does {b} charge interest on the whole balance if you only pay part of it?",
            "When does the 0% intro period end on {bn} cards, 15 or 18 months?",
            "The Fed cut rates but my {bn} APR is still {highapr}. How does that work?"
          },
          new String[] {
            "{b} raised my APR to {highapr}. I have never been late once. Unreal",
            "Just noticed {b} raised my APR again. Second rate hike this year",
            "{highapr} interest on {b}. Paying {small} a month just in interest, this is robbery",
            "The interest rate on my {bn} card is criminal. Moving the balance as soon as I can",
            "Rate hike letter from {b} today. {lowapr} to {highapr}. Not happy",
            "Why is {b} charging interest when I paid the statement balance in full?"
          });

  static final Lines ANNUAL_FEES =
      new Lines(
          new String[] {
            "Called {b} about the {fee} annual fee and they waived the fee for the year 🙌",
            "No annual fee and still 2% back everywhere, {b} is a keeper",
            "{b} waived the annual fee because I've been a customer 8 years. Loyalty pays",
            "Honestly the {fee} annual fee on {b} pays for itself with the credits"
          },
          new String[] {
            "Is the {fee} annual fee on {b} worth it if I travel twice a year?",
            "When does {b} charge the annual fee, on the account anniversary?",
            "Does {b} offer a fee waiver for military families?",
            "Thinking of downgrading to the no fee {bn} card. Anyone done it?"
          },
          new String[] {
            "{b} raised the annual fee to {fee}. Cancelling",
            "Surprise {fee} annual fee from {b} that nobody mentioned when I signed up",
            "Asked {b} for a fee waiver, they said no. After 10 years as a customer. Bye",
            "Paying a {fee} yearly fee for perks I never use. {b} this is a joke",
            "{fee} membership fee and the perks keep shrinking. Not worth it anymore"
          });

  static final Lines REWARDS =
      new Lines(
          new String[] {
            "Redeemed {pts} from {b} for a flight to {dest} ✈️ best feeling",
            "{pct} cash back at {merchant} this quarter with {b}, my favorite card",
            "The {bn} sign-up bonus just posted. {pts}!",
            "Cashback from {b} paid for my groceries this month lol",
            "{b} rewards are so underrated. Free hotel night in {city} this weekend",
            "Lounge access with {b} at the {city} airport made a 4 hour delay bearable"
          },
          new String[] {
            "Do {bn} points expire if I close the account?",
            "What's the best way to redeem {b} rewards, statement credit or travel?",
            "Is the {bn} signup bonus {pts} right now or did it change?",
            "Does {merchant} count as groceries for {b} cash back?",
            "How many miles do you need for a domestic flight with {b}?"
          },
          new String[] {
            "{b} devalued the points again. {pts} used to be a round trip, now it's barely one way",
            "Still waiting for my sign-up bonus from {b}, it's been {days}",
            "{b} clawed back my cash back because of a return at {merchant}. Seriously?",
            "Tried to redeem miles with {b} and every single date is blacked out. Useless",
            "The new {bn} rewards portal is awful. Can't find anything"
          });

  static final Lines FRAUD =
      new Lines(
          new String[] {
            "{b} caught the fraud before I even noticed. Someone tried {small} at a gas station in"
                + " {city}. Thank you!",
            "Unauthorized charge at {merchant}, {b} refunded it the same day. That's how it should"
                + " work",
            "Shoutout to the {bn} fraud team, new card arrived in 2 days after the skimmer"
                + " incident",
            "Got a fraud text from {b} about a weird {amt} purchase, replied NO and it was blocked."
                + " Love that"
          },
          new String[] {
            "Got a text from '{b}' asking me to verify my account. Phishing or real?",
            "PSA: skimmer found on a gas pump in {city}. Check your cards",
            "How long does {b} usually take to investigate a chargeback?",
            "Does {b} offer virtual card numbers? Trying to avoid fraud with online shopping"
          },
          new String[] {
            "{b} froze my card while I was traveling in {city}. Stranded at the hotel desk 😭",
            "Identity theft nightmare. Someone opened a {bn} card in my name and {b} won't talk to"
                + " me",
            "Unauthorized charge of {amt} on my {bn} card and the dispute got denied. How?",
            "Card was frozen again by {b} for 'suspicious activity'. It was groceries. At"
                + " {merchant}. Where I shop every week",
            "Filed a chargeback with {b} {days} ago, still nothing. Fraud is fraud!!",
            "My {bn} account got hacked and someone changed the email. Nobody at {b} can help"
          });

  static final Lines SERVICE =
      new Lines(
          new String[] {
            "The {bn} rep was super helpful today, fixed everything in 10 minutes. Thank you!",
            "Chat support at {b} answered in under a minute. Impressed 👏",
            "Shoutout to the agent at {b} who stayed on the line until everything was sorted",
            "{b} customer service is the best I've dealt with, hands down"
          },
          new String[] {
            "What's the {bn} customer service number for lost cards?",
            "Is {bn} chat support 24/7 or only during the day?",
            "Anyone know if {b} has a helpline for deaf customers?",
            "Is it faster to call {b} or use chat support?"
          },
          new String[] {
            "On hold for {dur} with {b} and counting. This is insane",
            "{b} agent hung up on me after I waited {dur}. Unbelievable 😡",
            "Three reps at {b}, three different answers. The last rep was clueless",
            "{b} customer service is the worst. Transferred 4 times, still no answer",
            "Been on hold for {dur}, the music is burned into my brain. {b} please hire more"
                + " people",
            "The call center at {b} keeps saying 'escalated'. Escalated to where, the moon?"
          });

  static final Lines BILLING =
      new Lines(
          new String[] {
            "Autopay on {b} is set and forget. Haven't thought about a due date in 2 years",
            "Called {b} about a late fee and they waived the late fee, no questions asked 🙏",
            "Payment posted the same day with {b}. Love how fast it is",
            "{b} let me move my due date to right after payday. Small thing, huge help"
          },
          new String[] {
            "Does {b} autopay cover the statement balance or the full current balance?",
            "How long until a payment posts with {b} when it comes from another bank?",
            "When does the {bn} statement close, a few days before the due date?",
            "Is there a way to split the {bn} bill between two checking accounts?"
          },
          new String[] {
            "{b} double charged me {small} at {merchant} and it's been {days}. Fix it",
            "Autopay failed and {b} hit me with a late fee. Your system, your mistake",
            "Overcharged by {small} on my {bn} statement and nobody can explain it",
            "Payment still not posted after {days}. {b} says wait. Meanwhile the due date passes",
            "The minimum payment on my {bn} card jumped to {small} out of nowhere 😩"
          });

  static final Lines CREDIT_SCORE =
      new Lines(
          new String[] {
            "My credit score went up from {scoreup} since I got my {bn} card. Slow and steady",
            "FICO just hit {score} 🎉 The free score tracking in the {bn} app kept me motivated",
            "Paid the {bn} card down to 5% utilization and my score went up overnight",
            "Checked my credit report through {b}, everything clean. Feels good"
          },
          new String[] {
            "Does {b} do a hard pull for pre-approval?",
            "Which FICO version does {b} use, 8 or 9?",
            "Will closing my oldest {bn} card hurt my credit history?",
            "How long does a hard inquiry from {b} stay on the credit report?"
          },
          new String[] {
            "{b} reported a late payment that wasn't late and my score dropped from {scoredown}",
            "Hard pull from {b} just to tell me no. Score dropped and nothing to show for it",
            "My credit score tanked after {b} closed my account for inactivity. Thanks a lot",
            "Credit report shows a {bn} account I never opened. Identity theft?? 😰"
          });

  static final Lines CHATTER =
      new Lines(
          new String[] {
            "New {bn} card design is actually gorgeous 😍",
            "^Saw a {b} ad at the {city} game, cute campaign honestly",
            "Metal card from {b} arrived and it's heavy lol, love it",
            "^{b} app redesign is really clean, nice work"
          },
          new String[] {
            "Anyone else get a new {bn} card in the mail today?",
            "^{b} app update just dropped, looks different",
            "Switching phones, does the {bn} app carry over with everything?",
            "^Is {b} available in Canada or US only?"
          },
          new String[] {
            "^The {b} app has been down all morning 🙄",
            "^{b} app logged me out 5 times today. Fix your app",
            "{bn} card design is so ugly now, bring back the old one",
            "^Every {b} ad on my feed today. I get it, you exist"
          });

  // =============================================================================================
  // Data: templates that carry an audience cue

  static final Lines NEWLYWED_CONSOLIDATION =
      new Lines(
          new String[] {
            "Just married and finally merging our cards into one {bn} joint card. One statement"
                + " instead of five 🙌 #JustMarried",
            "Since we got married we moved both balances to {b} with a balance transfer. 0% for 18"
                + " months, newlywed win",
            "Added my new husband as an authorized user on {b} today. Took 2 minutes 💕",
            "Honeymoon is over, consolidation time. {b} approved the balance transfer in minutes",
            "Wedding paid off! Consolidating the last {amt} onto one {bn} card and we're done by"
                + " spring",
            "Married life tip: a joint account with {b} for shared stuff made everything easier"
          },
          new String[] {
            "Newlyweds: did you combine your cards or keep them separate? Thinking about a joint"
                + " card with {b}",
            "My new wife and I have 5 cards between us. Consolidate onto {b} or keep them"
                + " separate?",
            "Newlywed question: can I add my wife as an authorized user on {b} without it affecting"
                + " her credit?",
            "Just got married, should we do a joint card or keep our own? #newlyweds",
            "Wedding costs ended up on three different cards. Looking at a balance transfer with"
                + " {b}"
          },
          new String[] {
            "{b} won't let me add my husband as an authorized user because he just moved here."
                + " Newlywed problems 😤",
            "Tried to merge our cards after the wedding and {b} wants both of us in a branch. Who"
                + " has time",
            "Our wedding debt is on {n} cards and {b} declined the balance transfer. Not the"
                + " honeymoon we planned",
            "Hubby and I applied for a joint card with {b}, they approved him and not me?? Same"
                + " income",
            "Since we got married {b} keeps mailing my old name and the joint account is a mess",
            "Balance transfer fee at {b} is 5% now? For newlyweds trying to consolidate that's"
                + " brutal"
          });

  static final Lines ENTREPRENEUR_FINANCING =
      new Lines(
          new String[] {
            "Got approved for a {big} line of credit from {b} for {venture} 🎉 #smallbusiness",
            "{b} business card approved in minutes. {venture} finally has real equipment",
            "Funding for my startup came through: {b} gave us a {big} line of credit. Founder life"
                + " 🚀",
            "Financing {item} for my shop through {b}, 0% for 12 months. Huge for a small business",
            "Side hustle is now a real business thanks to a {b} business card. Inventory bought,"
                + " let's go",
            "Launching my food truck next month and {b} covered the startup costs. Grateful"
          },
          new String[] {
            "Founders: did you use a business card or a line of credit for startup costs around"
                + " {big}?",
            "Is {b} good for financing inventory for a small business? Need about {big}",
            "New venture, no revenue yet. Will {b} give me a business card on personal credit?",
            "Writing my business plan: how much capital should I ask {b} for?",
            "Anyone finance equipment for {venture} through {b}? How were the terms?"
          },
          new String[] {
            "{b} declined my business card application. 3 years running {venture} and still not"
                + " enough",
            "Small business owners beware: {b} cut our line of credit with 2 days notice",
            "Trying to fund my startup and {b} wants a personal guarantee AND collateral. No"
                + " thanks",
            "{b} froze the funding for my shop mid-order. {big} of inventory stuck",
            "Applied for equipment financing for my bakery, {b} took 6 weeks to say no 😩"
          });

  static final Lines NEW_JOB_CREDIT_LIMIT =
      new Lines(
          new String[] {
            "Started my new job as a {job} and {b} raised my credit limit to {newlimit} the same"
                + " week",
            "First paycheck hit, updated my income with {b}, limit raised from {limit} to"
                + " {newlimit}!",
            "Got promoted and {b} approved a credit line increase without a hard pull. Good week",
            "New role, new salary, and {b} gave me a higher limit. Adulting is going well",
            "Just got hired at {employer}, asked {b} for a limit increase and got it in minutes"
          },
          new String[] {
            "Started my new job last week. How soon should I ask {b} for a credit limit increase?",
            "Does {b} want pay stubs for a limit increase or just the number? New position, bigger"
                + " salary",
            "Got promoted, should I ask {b} for a CLI now or wait 6 months?",
            "First week at {employer} done. Is it smart to ask {b} to raise my limit now?"
          },
          new String[] {
            "New job, double the salary, and {b} still won't raise my limit. {limit} forever"
                + " apparently",
            "Got promoted and asked {b} for a credit limit increase. Declined. Make it make sense",
            "First paycheck from the new job and {b} did a limit decrease the same day?? 😭",
            "{b} wants 3 months of pay stubs from my new job before a limit increase. Ridiculous",
            "Just got hired and {b} gave me a {limit} spending limit. Can't even book the"
                + " relocation flight"
          });

  static final Lines PARENT_REWARDS =
      new Lines(
          new String[] {
            "Cash back from {b} covered my kids' school supplies this year 🙌 #backtoschool",
            "{bn} points paid for the diapers this month. Parenting win",
            "Redeemed {pts} with {b} for a trip to see grandma, my daughter is thrilled"
          },
          new String[] {
            "Which card gives the best cash back on daycare? Is {b} any good?",
            "Does {b} count school supplies at {merchant} as a rewards category?"
          },
          new String[] {
            "{b} cut the cash back on groceries. With my kids eating everything in sight that's a"
                + " real hit",
            "Points from {b} expired while I was busy parenting a newborn. Thanks for nothing"
          });

  static final Lines PARENT_FRAUD =
      new Lines(
          new String[] {
            "Someone used my card at {merchant} during daycare pickup. {b} caught the fraud right"
                + " away",
            "My son got a phishing text pretending to be {b}. Glad he asked me first"
          },
          new String[] {
            "How do I set up alerts on {b} so my daughter's card can't be used for fraud?"
          },
          new String[] {
            "Unauthorized charge on the card I use for diapers and daycare. {b} says 10 days to"
                + " investigate",
            "{b} froze my card at the pediatrician's office. Mom of {n}, zero patience left"
          });

  static final Lines RETIREE_MONEY =
      new Lines(
          new String[] {
            "Since I retired I call {b} about everything and the rep was patient as always",
            "{b} caught a fraudulent charge on my card before my pension even posted. Grateful"
          },
          new String[] {
            "Retired and on a fixed income, is the {bn} interest rate negotiable?",
            "My grandkids set up the {bn} app for me. How do I reach customer service in it?"
          },
          new String[] {
            "Retired, on a fixed income, and {b} raised my APR to {highapr}. Shameful",
            "On hold for {dur} with {b}. Since I retired I have time, but this is too much",
            "Scam call pretending to be {b} tried to get my social security number. Be careful out"
                + " there",
            "A {amt} unauthorized charge is a big deal on a fixed income. {b} was slow to help"
          });

  static final Lines COLLEGE_FIRST_CARD =
      new Lines(
          new String[] {
            "Got my first student card from {b} and the cash back on {food} runs is elite",
            "College tip: pay the {bn} card in full every month and your credit score grows with"
                + " you"
          },
          new String[] {
            "Best first card for a college student? {b} or something else?",
            "Does a student card from {b} actually help build a credit score?"
          },
          new String[] {
            "{b} declined my student card application. How am I supposed to build credit history in"
                + " college??",
            "The rewards on my {bn} student card are basically nothing. College kids deserve better"
          });

  // =============================================================================================
  // Data: everyday life (no topic label); every template carries its audience cue

  static final Lines COLLEGE_LIFE =
      new Lines(
          new String[] {
            "finals week is finally over 🙌 going to sleep for 3 days",
            "shoutout to the library staff, the 24h study rooms are saving my semester",
            "{food} for dinner for the 4th night in a row, college life is glamorous",
            "campus at night during finals week hits different",
            "my professor just moved the {course} exam to next week. best news of the semester",
            "pizza at 2am on my {bn} card during finals week is a core memory",
            "study group at the dorm, someone paid for everyone's {food} with their {bn} card,"
                + " legend",
            "first snow on campus today and everyone is outside ❄️",
            "aced my {course} midterm!! college is actually going ok",
            "dining hall had {food} today, best day of the semester",
            "{n} days until winter break and campus is buzzing",
            "roommate made {food} for the whole dorm floor, absolute legend",
            "finals week survival kit: {food}, cold brew and zero shame",
            "got an A on the {course} paper and my professor wrote 'nice work' on it",
            "just finished my last {course} lab of the semester 🎉"
          },
          new String[] {
            "sophomore year at {uni} and I still get lost on campus",
            "does anyone know if the campus gym is open over break?",
            "registering for next semester, is {course} with Dr. Reyes worth it?",
            "freshman me had no idea how expensive textbooks are",
            "dorm room essentials that are actually worth it? asking for a freshman at {uni}",
            "tuition due in {n} days and financial aid still pending",
            "student loan email came in during {course} and I closed it immediately",
            "is the {course} final cumulative? asking for the whole dorm",
            "which campus coffee place is open past midnight during finals week?",
            "how do people afford tuition AND rent in {city}?",
            "does the university bookstore price match? textbooks are $200 each",
            "college students of {city}: best cheap {food} near campus?",
            "{n} exams in 2 days. finals week math is not mathing",
            "thinking of switching majors sophomore year after {course}. too late?"
          },
          new String[] {
            "dorm wifi is down AGAIN. how am I supposed to study for {course}",
            "tuition went up {n}% for what, the same cold dining hall food",
            "my professor cancelled class 20 min after it started. cool, I walked 25 min for that",
            "the university really said here's a tuition increase, happy holidays",
            "used my {bn} card to buy textbooks for this semester and instantly regretted it 💀",
            "finals week + roommate drama + no money. college is a lot",
            "parking on campus is $400 a semester now. absolutely not",
            "{course} exam at 8am during finals week should be illegal",
            "spent {n} hours in the library and remember nothing. college",
            "tuition is up again and the dorm heater still doesn't work",
            "the campus shuttle left {n} minutes early again. walking in the rain",
            "my professor posted grades at midnight and now I can't sleep",
            "the textbook for {course} was $240 and we used it twice this semester"
          });

  static final Lines NEWLYWED_LIFE =
      new Lines(
          new String[] {"Married life is the best thing that ever happened to me 💍 #JustMarried"},
          new String[] {"Writing wedding thank-you notes for the 3rd night in a row. Send help"},
          new String[] {"Nobody warned me that newlywed life means arguing about the thermostat"});

  static final Lines ENTREPRENEUR_LIFE =
      new Lines(
          new String[] {
            "Year one of my small business is in the books. Thank you to every customer!"
          },
          new String[] {"Founder question: how do you all handle taxes in the first year?"},
          new String[] {
            "Running a startup means 80 hour weeks and no weekends. Anyone else burnt out?"
          });

  static final Lines NEW_JOB_LIFE =
      new Lines(
          new String[] {"First week at the new job done and I already love my team 🎉"},
          new String[] {"Started my new job Monday, still learning where the coffee is"},
          new String[] {
            "New job, same commute from hell. Why did I think this would be different"
          });

  static final Lines PARENT_LIFE =
      new Lines(
          new String[] {
            "My daughter lost her first tooth today 🥹", "Back to school shopping done, proud of us"
          },
          new String[] {"Daycare costs more than our rent. Is that normal in {city}?"},
          new String[] {
            "Parenting tip: never promise the kids pizza before checking the bank account"
          });

  static final Lines RETIREE_LIFE =
      new Lines(
          new String[] {
            "Golden years: golf on Tuesday, grandkids on Sunday",
            "Retired a year ago today. No regrets"
          },
          new String[] {"Anyone else retired and trying to figure out Medicare plans this month?"},
          new String[] {
            "Social security increase is already eaten by the grocery prices. Retired life"
          });

  // =============================================================================================
  // Data: two topics, comparisons, replies, the spike and foreign posts

  static final Contrast[] CONTRASTS = {
    new Contrast(
        Topic.REWARDS,
        Topic.INTEREST,
        Sentiment.NEGATIVE,
        "Great rewards but the APR on {b} is awful"),
    new Contrast(
        Topic.REWARDS,
        Topic.INTEREST,
        Sentiment.NEGATIVE,
        "Love the {pct} cash back from {b} but {highapr} interest is a dealbreaker"),
    new Contrast(
        Topic.REWARDS,
        Topic.ANNUAL_FEES,
        Sentiment.NEGATIVE,
        "The points are nice but a {fee} annual fee? Come on {b}"),
    new Contrast(
        Topic.ANNUAL_FEES,
        Topic.REWARDS,
        Sentiment.POSITIVE,
        "No annual fee and decent cash back, {b} does the basics right"),
    new Contrast(
        Topic.FRAUD,
        Topic.SERVICE,
        Sentiment.NEGATIVE,
        "{b} fraud alerts are fast but customer service took {dur} to unlock my card"),
    new Contrast(
        Topic.CREDIT_LIMIT,
        Topic.CREDIT_SCORE,
        Sentiment.POSITIVE,
        "{b} raised my credit limit, utilization dropped and my score went up the next month"),
    new Contrast(
        Topic.CONSOLIDATION,
        Topic.INTEREST,
        Sentiment.NEGATIVE,
        "Balance transfer with {b} was easy but the interest after the intro rate is brutal"),
    new Contrast(
        Topic.BILLING,
        Topic.SERVICE,
        Sentiment.NEGATIVE,
        "Double charged at {merchant} and {b} support took {days} to fix it"),
    new Contrast(
        Topic.FRAUD,
        Topic.BILLING,
        Sentiment.NEGATIVE,
        "Fraudulent charge on my statement and {b} still charged me a late fee on it"),
    new Contrast(
        Topic.SERVICE,
        Topic.CREDIT_LIMIT,
        Sentiment.POSITIVE,
        "The {bn} rep was great, bumped my credit limit while I called about something else"),
    new Contrast(
        Topic.FINANCING,
        Topic.INTEREST,
        Sentiment.NEUTRAL,
        "{b} line of credit came through, but the interest rate is steep. Still worth it I think"),
    new Contrast(
        Topic.REWARDS,
        Topic.SERVICE,
        Sentiment.NEGATIVE,
        "Points are great but {b} customer service is a joke"),
    new Contrast(
        Topic.CREDIT_SCORE,
        Topic.FRAUD,
        Sentiment.NEGATIVE,
        "Identity theft wrecked my credit report and {b} still won't remove the account"),
    new Contrast(
        Topic.INTEREST,
        Topic.BILLING,
        Sentiment.NEGATIVE,
        "Paid the statement in full and {b} still charged interest. Make it make sense"),
    new Contrast(
        Topic.CONSOLIDATION,
        Topic.SERVICE,
        Sentiment.POSITIVE,
        "The agent at {b} walked me through the whole balance transfer. 10/10"),
    new Contrast(
        Topic.ANNUAL_FEES,
        Topic.SERVICE,
        Sentiment.POSITIVE,
        "Chat support at {b} waived the fee in 5 minutes, didn't even have to ask twice"),
    new Contrast(
        Topic.CREDIT_SCORE,
        Topic.CREDIT_LIMIT,
        Sentiment.NEGATIVE,
        "{b} did a hard pull for a limit increase and then said no. Score dropped for nothing"),
    new Contrast(
        Topic.FINANCING,
        Topic.SERVICE,
        Sentiment.NEGATIVE,
        "^{b} financing team is slow and the rep was clueless about my application")
  };

  static final Comparison[] COMPARISONS = {
    new Comparison(
        Topic.CONSOLIDATION,
        Sentiment.POSITIVE,
        "Switched from {b2} to {b} for the balance transfer and saved {small} a month"),
    new Comparison(
        Topic.CONSOLIDATION,
        Sentiment.NEUTRAL,
        "Thinking about consolidating 3 cards. Is {b} or {b2} better for a balance transfer?"),
    new Comparison(
        Topic.REWARDS,
        Sentiment.NEUTRAL,
        "{b} vs {b2} for rewards? {bn} wins on cash back, {b2n} on lounge access"),
    new Comparison(
        Topic.CREDIT_LIMIT,
        Sentiment.NEGATIVE,
        "{b2} gave me a higher limit in 2 days while {b} has been 'reviewing' for weeks"),
    new Comparison(
        Topic.SERVICE,
        Sentiment.POSITIVE,
        "{b} customer service >>> {b2} customer service. Not even close"),
    new Comparison(
        Topic.INTEREST,
        Sentiment.POSITIVE,
        "Left {b2} after the rate hike, the APR on {b} is {lowapr}"),
    new Comparison(
        Topic.FINANCING,
        Sentiment.NEGATIVE,
        "{b} and {b2} both declined my business card. Guess I'm funding this myself"),
    new Comparison(
        Topic.ANNUAL_FEES,
        Sentiment.NEGATIVE,
        "{b2} charges no annual fee for the same perks {b} wants {fee} for"),
    new Comparison(
        Topic.FRAUD, Sentiment.NEGATIVE, "Both {b} and {b2} froze my card this month. Is it me?"),
    new Comparison(
        Topic.BILLING,
        Sentiment.POSITIVE,
        "The {bn} app shows a payment posted instantly, {b2} takes 3 days"),
    new Comparison(
        Topic.CREDIT_SCORE,
        Sentiment.POSITIVE,
        "{b2} did a hard pull, {b} did a soft pull for the same thing. Guess which one I kept"),
    new Comparison(
        Topic.CREDIT_LIMIT,
        Sentiment.POSITIVE,
        "{b} gave me double the credit limit {b2} offered. Easy choice")
  };

  static final Lines COMPARISON_TAILS =
      new Lines(
          new String[] {
            "Way better than {b2}.", "{b2} never did that for me.", "Sorry {b2}, I'm out."
          },
          new String[] {"Same question for {b2} too.", "Or should I just go with {b2}?"},
          new String[] {
            "Never had this problem with {b2}.",
            "Switching to {b2} tbh.",
            "{b2} is looking better every day."
          });

  static final Lines SHORT_REPLIES =
      new Lines(
          new String[] {
            "Glad it worked out! 🙌",
            "Same experience here, {b} has been great to me",
            "Good to know, thanks for sharing!",
            "Love hearing this, gives me hope",
            "Congrats!! 🎉",
            "Did the same thing last year, zero regrets",
            "This is the way",
            "Nice! Saving this for later",
            "Happy for you, enjoy it",
            "Honestly that's a great outcome",
            "Nice, I had the same luck with {b} in {month}",
            "Wish every bank worked like this"
          },
          new String[] {
            "Did you call them or use the app?",
            "Which card is this, the regular {bn} card or the premium one?",
            "How long did it take in total?",
            "Following, same question",
            "What was your score when you applied?",
            "Is this in the US?",
            "Any update on this?",
            "Commenting to find this later",
            "Did they do a hard pull?",
            "Which state are you in?",
            "Did you get it in writing?",
            "Was this through the app or on the website?",
            "Same thing happened to my cousin in {city}, still waiting to hear how it ends",
            "How much was it, if you don't mind me asking?"
          },
          new String[] {
            "Same here!! {b} did the exact same thing to me last month",
            "This is exactly why I closed my {bn} account",
            "Ugh, happening to me right now too",
            "Not just you, half my friends are dealing with this",
            "^Yeah {b} has gotten so much worse this year",
            "File a complaint with the CFPB, it's the only thing that works",
            "Screenshot everything. They will claim you never called",
            "Unbelievable. Sorry you're going through this",
            "This is so frustrating to read",
            "^Idk, my experience with {b} has been the opposite",
            "^Honestly every bank does this, not just {b}"
          });

  static final Lines OP_UPDATES =
      new Lines(
          new String[] {
            "Update: {b} called back and fixed it. Thanks everyone!",
            "Update: they refunded everything 🙏",
            "Update: approved! Thanks for all the advice",
            "Update: it went through this morning. Appreciate you all"
          },
          new String[] {
            "Update: still waiting, will post when I hear back",
            "Update: they asked for more documents, sending them today",
            "Edit: to answer the questions, it's the regular {bn} card"
          },
          new String[] {
            "Update: still nothing. Day {n} of this", "Update: they said no. Closing the account",
            "Update: on hold again. I give up", "Update: escalated and then ignored. Great"
          });

  static final Lines OFFICIAL =
      new Lines(
          new String[] {
            "Thanks so much for the kind words! We're glad we could help 💙 ^{sig}",
            "Love to hear it! Enjoy the card 🙌 ^{sig}"
          },
          new String[] {
            "Hi! Happy to help with that. Please DM us and we'll walk you through it. ^{sig}",
            "Great question! You'll find this in the app under Account > Offers. ^{sig}"
          },
          new String[] {
            "Hi, we're sorry to hear about this. Please send us a DM with your details so we can"
                + " take a look. ^{sig}",
            "We understand how frustrating this is. Please DM us and we'll get it sorted. ^{sig}",
            "Thanks for flagging this, and sorry for the trouble. Please DM us so we can look into"
                + " your account. ^{sig}"
          });

  static final Lines SPIKE =
      new Lines(
          new String[] {
            "{b} caught the fraud on mine and refunded it within the hour. Others not so lucky"
                + " apparently",
            "Fraud alert from {b}, replied NO, card replaced. Fast, but what is going on today?"
          },
          new String[] {
            "Reports coming in of {bn} cards frozen and unauthorized charges across several"
                + " states.",
            "Is the {bn} fraud issue fixed yet? Need to know before I go shopping",
            "Seeing a lot of posts about {bn} cards frozen and fraud alerts today. Checking mine"
                + " now 👀"
          },
          new String[] {
            "{b} froze my card at {merchant} and there's a {small} unauthorized charge I didn't"
                + " make",
            "WTF {b}?? Card was frozen and {n} fraudulent charges showing up from {city}",
            "Is anyone else getting unauthorized charges on their {bn} card today?? {n} on mine so"
                + " far",
            "{b} fraud alert just froze my card in the middle of checkout at {merchant}."
                + " Embarrassing AND scary",
            "Just checked the {bn} app: {n} charges from {merchant} in {city}. I'm in {city2}."
                + " FRAUD",
            "Hey {b}, why is my card frozen and why is there an unauthorized charge of {amt}??"
                + " Answer your phones",
            "Card was frozen by {b}, called and got put on hold for {dur}. Meanwhile fraudulent"
                + " charges keep coming",
            "Something is very wrong at {b} today. Frozen cards, fraud charges everywhere. {n}"
                + " people in my office alone",
            "Got declined at {merchant}, opened the {bn} app: card frozen + 3 unauthorized charges."
                + " Great afternoon",
            "{b} data breach?? Half my group chat in {city} has fraudulent charges right now",
            "Identity theft or a {bn} glitch? Either way my card is frozen and I can't buy"
                + " groceries",
            "Dear {b}: I did NOT spend {amt} at an electronics store in {city}. This is fraud."
                + " Unfreeze my card",
            "Second chargeback this afternoon with {b}. Another unauthorized charge from"
                + " {merchant}",
            "3rd person in my office with a frozen {bn} card today. Something's up with their fraud"
                + " system",
            "Not happy {b}. Unauthorized charge at {merchant}, card frozen, app down. Pick one",
            "{bn} card frozen for fraud, {bn} app down, {bn} phone line busy. Amazing. 🤬",
            "So {b} just froze my card for fraud I reported LAST week?? 😭",
            "{n} unauthorized charges in an hour, all from {city2}. Thanks {b}, great security",
            "Identity theft alert from {b} and then the app locked me out. Card frozen at"
                + " {merchant}",
            "Waited {dur} on the {bn} fraud line just to hear 'high call volume'. Card still"
                + " frozen",
            "Is {b} hacked? {amt} charge from a store in {city} I have never been to",
            "Skimmer or hack? Doesn't matter, {b} says it's my problem. Card frozen, {amt} gone",
            "Phishing text pretending to be {b} AND my card got frozen at {merchant} today. What is"
                + " going on",
            "Never seen so many unauthorized charges in one day. {b} you need to explain this. {n}"
                + " friends hit already",
            "My {bn} account was hacked, {amt} in fraudulent charges, and the card was frozen at"
                + " the gas pump",
            "Trying to pay for lunch at {merchant} and my {bn} card was frozen. {n} fraud charges"
                + " since noon 😡"
          });

  static final Lines SPIKE_REPLIES =
      new Lines(
          new String[] {
            "mine just got unfrozen and the charges are refunded 🙏",
            "ok {b} fixed mine in 20 min, thank you",
            "refunded already! good job on the quick fix"
          },
          new String[] {
            "is this happening to everyone with {bn} cards?", "any official word from {b} yet?",
            "how many of us are there lol", "checking mine now 👀"
          },
          new String[] {
            "mine too!!! frozen at {merchant} with a full cart",
                "same, {n} unauthorized charges from" + " {city} 😡",
            "THIS. stuck at {merchant} with a frozen card",
                "literally same. {amt} charge I never made",
            "mine got frozen at {merchant} in {city}. so embarrassing", "day ruined. thanks {b}",
            "on hold for {dur} with {b}. nobody answers", "my mom's card too. what is going on {b}",
            "3 fraudulent charges and counting. unreal", "why is nobody at {b} saying anything??"
          });

  static final String[] SPIKE_OFFICIAL = {
    "We're aware some customers are seeing cards frozen and unexpected charges. Our fraud team is"
        + " investigating and we'll post updates here. ^AL",
    "Update: we found the issue. Cards frozen in error are being unfrozen now, and every"
        + " unauthorized charge will be refunded in full. ^AL",
    "All affected cards should be working again. If you still see an unauthorized charge, DM us"
        + " and we'll refund it today. We're sorry. ^JM"
  };

  static final Foreign[] FOREIGN = {
    new Foreign(
        "es",
        Topic.CONSOLIDATION,
        Sentiment.NEUTRAL,
        "Acabamos de casarnos y queremos unir nuestras tarjetas con {b}. ¿Alguien hizo una"
            + " transferencia de saldo? #reciencasados"),
    new Foreign(
        "es",
        Topic.INTEREST,
        Sentiment.NEGATIVE,
        "{b} me subió el APR al {highapr}. Nunca me he retrasado con un pago 😡"),
    new Foreign(
        "es",
        Topic.FRAUD,
        Sentiment.NEGATIVE,
        "Me bloquearon la tarjeta de {b} en pleno viaje a {city}. Pésimo servicio"),
    new Foreign(
        "es",
        Topic.CREDIT_LIMIT,
        Sentiment.POSITIVE,
        "Nuevo trabajo y {b} me aumentó el límite de crédito a {newlimit} 🎉"),
    new Foreign(
        "es",
        Topic.SERVICE,
        Sentiment.NEGATIVE,
        "Llevo {nmin} minutos en espera con atención al cliente de {b}. Nadie contesta"),
    new Foreign(
        "es",
        Topic.REWARDS,
        Sentiment.POSITIVE,
        "Los puntos de {b} son lo mejor, vuelo gratis a {dest} ✈️"),
    new Foreign(
        "es",
        Topic.FINANCING,
        Sentiment.POSITIVE,
        "Para mi pequeño negocio, {b} me dio una línea de crédito. ¡Gracias!"),
    new Foreign(
        "es",
        Topic.FRAUD,
        Sentiment.NEGATIVE,
        "Cargo no autorizado de {amt} en mi tarjeta {bn}. ¿Fraude? 😰"),
    new Foreign(
        "fr",
        Topic.FRAUD,
        Sentiment.NEGATIVE,
        "{b} a bloqué ma carte sans prévenir. Trois heures au téléphone, toujours rien 😡"),
    new Foreign(
        "fr",
        Topic.CONSOLIDATION,
        Sentiment.NEUTRAL,
        "Jeunes mariés, on veut regrouper nos cartes chez {b}. Des conseils ?"),
    new Foreign(
        "fr",
        Topic.CREDIT_LIMIT,
        Sentiment.POSITIVE,
        "Nouveau travail et {b} vient d'augmenter mon plafond à {newlimit} 🎉"),
    new Foreign(
        "fr",
        Topic.ANNUAL_FEES,
        Sentiment.NEGATIVE,
        "Les frais annuels de {b} ont encore augmenté. Pas content du tout"),
    new Foreign(
        "fr",
        Topic.SERVICE,
        Sentiment.POSITIVE,
        "Service client {b} au top, problème réglé en 10 minutes. Merci !"),
    new Foreign(
        "fr",
        Topic.FRAUD,
        Sentiment.NEGATIVE,
        "Prélèvement frauduleux de {amt} sur ma carte {bn}. Quelqu'un d'autre ?"),
    new Foreign(
        "fr",
        Topic.FINANCING,
        Sentiment.NEUTRAL,
        "Pour financer ma boulangerie, {b} m'a proposé une ligne de crédit. On verra"),
    new Foreign(
        "fr",
        Topic.INTEREST,
        Sentiment.NEGATIVE,
        "Le taux d'intérêt de {b} est devenu délirant, {highapr} !")
  };

  static final LongThread[] LONG_THREADS = {
    new LongThread(
        Platform.REDDIT,
        Persona.NEWLYWED,
        Topic.CONSOLIDATION,
        Brand.GLOBEX,
        Sentiment.NEUTRAL,
        "2026-11-16T19:42:10Z",
        "Just got married 💍 and we have 5 cards between us (2 acme, 2 globex, 1 initech). Should"
            + " we consolidate with a balance transfer to one joint card, or just add my wife as"
            + " an authorized user on my globex card? What did other newlyweds do?",
        30,
        new Drift(0.25, 0.25, 0.6, 0.1),
        Persona.NEWLYWED,
        0.6,
        70),
    new LongThread(
        Platform.TWITTER,
        Persona.GENERAL,
        Topic.FRAUD,
        Brand.ACME,
        Sentiment.NEGATIVE,
        "2026-11-19T14:21:37Z",
        "@acmecard just FROZE my card at the grocery store and there are 3 unauthorized charges I"
            + " never made. Anyone else?? 😡",
        38,
        new Drift(0.02, 0.9, 0.5, 0.3),
        null,
        0,
        12),
    new LongThread(
        Platform.FORUM,
        Persona.ENTREPRENEUR,
        Topic.FINANCING,
        Brand.INITECH,
        Sentiment.NEUTRAL,
        "2026-11-17T15:05:44Z",
        "Financing equipment for my bakery: initech business card or an acme line of credit? Need"
            + " about $25,000 for a second oven and a mixer. Would love to hear from other small"
            + " business owners.",
        24,
        new Drift(0.2, 0.3, 0.55, 0.15),
        Persona.ENTREPRENEUR,
        0.7,
        90),
    new LongThread(
        Platform.TWITTER,
        Persona.GENERAL,
        Topic.INTEREST,
        Brand.GLOBEX,
        Sentiment.NEGATIVE,
        "2026-11-18T12:10:03Z",
        "@globex raised my APR from 19.99% to 27.49% with zero notice. 8 years of on-time"
            + " payments. Unbelievable 🤬",
        22,
        new Drift(0.1, 0.6, 0.05, 0.85),
        null,
        0,
        25),
    new LongThread(
        Platform.REDDIT,
        Persona.NEW_JOB,
        Topic.CREDIT_LIMIT,
        Brand.ACME,
        Sentiment.NEUTRAL,
        "2026-11-20T07:25:20Z",
        "Started my new job last month (first real salary!). Is it worth asking Acme for a credit"
            + " limit increase now, or will the hard pull hurt more than it helps?",
        21,
        new Drift(0.3, 0.2, 0.65, 0.1),
        Persona.NEW_JOB,
        0.5,
        28),
    new LongThread(
        Platform.BLOG_COMMENT,
        Persona.GENERAL,
        Topic.ANNUAL_FEES,
        Brand.INITECH,
        Sentiment.NEUTRAL,
        "2026-11-16T13:02:51Z",
        "Is the $250 annual fee on the Initech card really worth it for the rewards? The lounge"
            + " access is nice but I only fly twice a year.",
        20,
        new Drift(0.5, 0.2, 0.15, 0.6),
        null,
        0,
        120)
  };

  // =============================================================================================
  // Data: styling

  static final Lines REVIEW_PREFIXES =
      new Lines(
          new String[] {"★★★★★", "★★★★☆", "5/5 -", "4/5 -"},
          new String[] {"★★★☆☆", "3/5 -", "★★★☆☆ Mixed feelings."},
          new String[] {"★☆☆☆☆", "★★☆☆☆", "1/5 -", "2/5 -"});

  static final Lines EMOJI =
      new Lines(
          new String[] {"🎉", "🙌", "😍", "👏", "🙏", "😊", "💯", "🥳", "❤️", "👍"},
          new String[] {"🤔", "👀", "🤷", "💳"},
          new String[] {"😡", "🤬", "😤", "😩", "😭", "🙄", "👎", "🤦‍♀️", "💀", "😒"});

  static final String[] HASHTAGS = {
    "#creditcards",
    "#personalfinance",
    "#money",
    "#fintech",
    "#banking",
    "#debtfree",
    "#moneytips",
    "#adulting"
  };

  static final String[] LONG_FORM_OPENERS = {
    "Long time lurker, first post.",
    "Throwaway for obvious reasons.",
    "Quick question.",
    "Not sure if this is the right place for this.",
    "Posting here because I'm out of ideas.",
    "Bit of a rant, sorry."
  };

  static final String[] LONG_FORM_CLOSERS = {
    "Edit: thanks for all the replies!",
    "TL;DR read the fine print.",
    "Any advice appreciated.",
    "For context I've had the card for {n} years.",
    "Curious if anyone else has seen this.",
    "Edit: typo",
    "Edit: added details.",
    "Thoughts?"
  };

  /** Casual endings: an interjection (lower case) or a short sentence of its own. */
  static final Lines CLOSERS =
      new Lines(
          new String[] {
            "lol",
            "10/10",
            "tbh",
            "Not complaining.",
            "Highly recommend.",
            "Big fan.",
            "No complaints here.",
            "Honestly impressed.",
            "Happy camper."
          },
          new String[] {
            "tia",
            "lol",
            "Any ideas?",
            "Thanks in advance!",
            "Asking for a friend.",
            "Just curious.",
            "Anyone?",
            "Help."
          },
          new String[] {
            "smh",
            "ugh",
            "fr",
            "Unreal.",
            "So done.",
            "Do better.",
            "Seriously.",
            "Every single time.",
            "I'm tired.",
            "Wow."
          });

  static final String[][] ELONGATIONS = {
    {"so", "sooo"}, {"love", "looove"}, {"please", "pleeease"}, {"finally", "finallyyy"},
    {"what", "whaaat"}, {"really", "reallyyy"}, {"yes", "yesss"}, {"Thanks", "Thanksss"}
  };

  static final String[][] TYPOS = {
    {"really", "realy"},
    {"definitely", "definately"},
    {"because", "becuase"},
    {"received", "recieved"},
    {"their", "thier"},
    {"literally", "literaly"},
    {"again", "agian"},
    {"anyone", "anyon"},
    {"though", "tho"},
    {"people", "ppl"},
    {"before", "b4"},
    {"Thanks", "Thx"},
    {"you", "u"},
    {"weird", "wierd"}
  };

  static final String[] CAPS_WORDS = {
    "worst",
    "never",
    "again",
    "still",
    "terrible",
    "awful",
    "love",
    "best",
    "zero",
    "ridiculous",
    "nobody",
    "not",
    "insane",
    "finally",
    "every",
    "always",
    "no",
    "so",
    "why"
  };
}
