package dev.earshot.tools.sample;

import java.util.List;
import java.util.Random;

/**
 * Every random draw of the generator, from one seeded {@link Random}. The sample is reproducible
 * only while the draws happen in the same order: adding, removing or reordering a draw anywhere
 * changes every post after it.
 */
final class Draws {
  private final Random rng;

  Draws(long seed) {
    this.rng = new Random(seed);
  }

  double nextDouble() {
    return rng.nextDouble();
  }

  int nextInt(int bound) {
    return rng.nextInt(bound);
  }

  boolean nextBoolean() {
    return rng.nextBoolean();
  }

  double nextGaussian() {
    return rng.nextGaussian();
  }

  <T> T pick(List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }

  <T> T pick(T[] values) {
    return values[rng.nextInt(values.length)];
  }

  int pick(int[] values) {
    return values[rng.nextInt(values.length)];
  }

  /** An index in proportion to the weights, which need not sum to 1. */
  int weightedIndex(double[] weights) {
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

  /** A value in [0, 1] from the triangular distribution peaking at {@code mode}. */
  double triangular(double mode) {
    double u = rng.nextDouble();
    return u < mode ? Math.sqrt(u * mode) : 1 - Math.sqrt((1 - u) * (1 - mode));
  }

  /** The number of successes, each with probability {@code p}, before the first failure. */
  int geometric(double p, int max) {
    int n = 0;
    while (n < max && rng.nextDouble() < p) {
      n++;
    }
    return n;
  }
}
