package dev.earshot.aggregate.alert;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether one window of one cell is a spike against the cell's trailing windows, for each kind of
 * spike. Volume uses a robust z-score: the distance from the median in units of the median absolute
 * deviation (scaled to a standard deviation), never less than a Poisson count's spread, so a cell
 * whose baseline is all zeros does not alarm on its first few posts. Negative share uses the
 * binomial standard error of the window's share around the baseline's pooled share.
 */
public final class Judge {
  /** MAD times this estimates the standard deviation of normally distributed values. */
  static final double MAD_TO_SIGMA = 1.4826;

  /** The baseline's share is kept this far from 0 and 1, where the standard error vanishes. */
  static final double SHARE_FLOOR = 0.02;

  public enum Kind {
    VOLUME,
    NEGATIVE_SHARE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Severity {
    WARNING,
    CRITICAL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Severity of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  /** The window's value against its baseline; severity null when it is no spike. */
  public record Verdict(Kind kind, double value, double baseline, double z, Severity severity) {}

  private Judge() {}

  /**
   * @param history posts of the trailing windows, oldest first, zero where a window had none
   */
  public static Verdict volume(long posts, long[] history, AlertSettings settings) {
    double median = median(Arrays.stream(history).asDoubleStream().toArray());
    double[] deviations = Arrays.stream(history).mapToDouble(h -> Math.abs(h - median)).toArray();
    double scale = Math.max(MAD_TO_SIGMA * median(deviations), Math.sqrt(Math.max(median, 1)));
    double z = (posts - median) / scale;
    boolean big = posts >= settings.minPosts() && posts >= settings.volumeMinRatio() * median;
    return new Verdict(Kind.VOLUME, posts, median, z, big ? severity(z, settings) : null);
  }

  /**
   * @param historyPosts posts of the trailing windows
   * @param historyNegative negative posts of the same windows
   */
  public static Verdict negativeShare(
      long posts,
      long negative,
      long[] historyPosts,
      long[] historyNegative,
      AlertSettings settings) {
    long before = Arrays.stream(historyPosts).sum();
    long beforeNegative = Arrays.stream(historyNegative).sum();
    // Laplace's rule: a cell with little history leans to one half, not to 0 or 1.
    double baseline = (beforeNegative + 1.0) / (before + 2.0);
    double bounded = Math.min(1 - SHARE_FLOOR, Math.max(SHARE_FLOOR, baseline));
    double share = posts == 0 ? 0 : (double) negative / posts;
    double z = posts == 0 ? 0 : (share - bounded) / Math.sqrt(bounded * (1 - bounded) / posts);
    boolean big = posts >= settings.minPosts() && share - baseline >= settings.negativeMinRise();
    return new Verdict(Kind.NEGATIVE_SHARE, share, baseline, z, big ? severity(z, settings) : null);
  }

  private static Severity severity(double z, AlertSettings settings) {
    if (z >= settings.criticalZ()) {
      return Severity.CRITICAL;
    }
    return z >= settings.warningZ() ? Severity.WARNING : null;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
