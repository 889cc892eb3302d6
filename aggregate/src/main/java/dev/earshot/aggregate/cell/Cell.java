package dev.earshot.aggregate.cell;

import dev.earshot.avro.CellStats;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.Sentiments;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell in one window while it is being counted or merged: counts and sums, and the sketches
 * behind unique authors and the top authors and hashtags. Mutable and not thread-safe; stores keep
 * its {@link CellStats} form ({@link #toStats()}, {@link #of(CellStats)}).
 */
public final class Cell {
  /** How many post keys a cell keeps as examples, of each kind. */
  public static final int EXAMPLES = 3;

  private long posts;
  private long positive;
  private long neutral;
  private long negative;
  private double scoreSum;
  private long likes;
  private long shares;
  private long replies;
  private long views;
  private long reach;
  private final Sketches.Authors authors;
  private final Sketches.TopItems topAuthors;
  private final Sketches.TopItems topHashtags;

  /** The first few posts, and negative posts, counted: evidence an alert can point to. */
  private final List<String> samplePosts = new ArrayList<>(EXAMPLES);

  private final List<String> negativePosts = new ArrayList<>(EXAMPLES);

  private Cell(Sketches.Authors authors, Sketches.TopItems topAuthors, Sketches.TopItems tags) {
    this.authors = authors;
    this.topAuthors = topAuthors;
    this.topHashtags = tags;
  }

  public static Cell empty() {
    return new Cell(new Sketches.Authors(), new Sketches.TopItems(), new Sketches.TopItems());
  }

  /**
   * An empty cell that an answer adds windows or instances up in: never stored, so its top-items
   * sketches have more room than a stored window's ({@link Sketches#ANSWER_ITEMS_MAP_SIZE}).
   */
  public static Cell total() {
    return new Cell(
        new Sketches.Authors(),
        new Sketches.TopItems(Sketches.ANSWER_ITEMS_MAP_SIZE),
        new Sketches.TopItems(Sketches.ANSWER_ITEMS_MAP_SIZE));
  }

  /**
   * Two cells added up in a new one, leaving both as they are (either may be shared with other
   * answers): for merging maps of cells.
   */
  public static Cell sum(Cell a, Cell b) {
    return total().merge(a).merge(b);
  }

  public static Cell of(CellStats stats) {
    return of(stats, Sketches.Authors.read(stats.getAuthors()));
  }

  /**
   * As {@link #of(CellStats)}, with its authors' sketch in the form that merges fastest (twice the
   * memory): for windows kept decoded to be added up by many answers.
   */
  public static Cell forMerging(CellStats stats) {
    return of(stats, Sketches.Authors.readForMerging(stats.getAuthors()));
  }

  private static Cell of(CellStats stats, Sketches.Authors authors) {
    Cell cell =
        new Cell(
            authors,
            Sketches.TopItems.read(stats.getTopAuthors()),
            Sketches.TopItems.read(stats.getTopHashtags()));
    cell.posts = stats.getPosts();
    cell.positive = stats.getPositive();
    cell.neutral = stats.getNeutral();
    cell.negative = stats.getNegative();
    cell.scoreSum = stats.getScoreSum();
    cell.likes = stats.getLikes();
    cell.shares = stats.getShares();
    cell.replies = stats.getReplies();
    cell.views = stats.getViews();
    cell.reach = stats.getReach();
    stats.getSamplePosts().forEach(key -> keep(cell.samplePosts, key.toString()));
    stats.getNegativePosts().forEach(key -> keep(cell.negativePosts, key.toString()));
    return cell;
  }

  public CellStats toStats() {
    return new CellStats(
        posts,
        positive,
        neutral,
        negative,
        scoreSum,
        likes,
        shares,
        replies,
        views,
        reach,
        authors.bytes(),
        topAuthors.bytes(),
        topHashtags.bytes(),
        List.copyOf(samplePosts),
        List.copyOf(negativePosts));
  }

  /** Counts one post. */
  public Cell add(PostFacts post) {
    posts++;
    String label = post.getSentiment();
    if (Sentiments.POSITIVE.equals(label)) {
      positive++;
    } else if (Sentiments.NEGATIVE.equals(label)) {
      negative++;
      keep(negativePosts, post.getPostKey());
    } else {
      neutral++;
    }
    scoreSum += post.getScore();
    likes += post.getLikes();
    shares += post.getShares();
    replies += post.getReplies();
    views += post.getViews();
    reach += post.getFollowers();
    keep(samplePosts, post.getPostKey());
    if (post.getAuthor() != null) {
      authors.add(post.getAuthor());
      topAuthors.add(post.getAuthor());
    }
    for (String tag : post.getHashtags()) {
      topHashtags.add(tag);
    }
    return this;
  }

  /** Adds another cell's posts: exact for counts and sums, a sketch union for the rest. */
  public Cell merge(Cell other) {
    posts += other.posts;
    positive += other.positive;
    neutral += other.neutral;
    negative += other.negative;
    scoreSum += other.scoreSum;
    likes += other.likes;
    shares += other.shares;
    replies += other.replies;
    views += other.views;
    reach += other.reach;
    authors.merge(other.authors);
    topAuthors.merge(other.topAuthors);
    topHashtags.merge(other.topHashtags);
    other.samplePosts.forEach(key -> keep(samplePosts, key));
    other.negativePosts.forEach(key -> keep(negativePosts, key));
    return this;
  }

  public long posts() {
    return posts;
  }

  public long positive() {
    return positive;
  }

  public long neutral() {
    return neutral;
  }

  public long negative() {
    return negative;
  }

  public double scoreSum() {
    return scoreSum;
  }

  public long likes() {
    return likes;
  }

  public long shares() {
    return shares;
  }

  public long replies() {
    return replies;
  }

  public long views() {
    return views;
  }

  public long reach() {
    return reach;
  }

  public Sketches.Estimate uniqueAuthors() {
    return authors.estimate();
  }

  public List<Sketches.TopItem> topAuthors(int limit) {
    return topAuthors.top(limit);
  }

  public List<Sketches.TopItem> topHashtags(int limit) {
    return topHashtags.top(limit);
  }

  /** Up to {@link #EXAMPLES} post keys, first counted first, negative ones first when asked. */
  public List<String> examples(boolean negativeFirst) {
    List<String> out = new ArrayList<>(negativeFirst ? negativePosts : samplePosts);
    for (String key : samplePosts) {
      if (out.size() < EXAMPLES && !out.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  private static void keep(List<String> examples, String key) {
    if (examples.size() < EXAMPLES && key != null && !examples.contains(key)) {
      examples.add(key);
    }
  }

  static byte[] array(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
