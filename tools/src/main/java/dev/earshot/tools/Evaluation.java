package dev.earshot.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Precision, recall and F1 per label, counted one post at a time. */
final class Evaluation {
  /** Counts for one label. */
  static final class Counts {
    long truePositives;
    long falsePositives;
    long falseNegatives;

    double precision() {
      long predicted = truePositives + falsePositives;
      return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
    }

    double recall() {
      long actual = truePositives + falseNegatives;
      return actual == 0 ? Double.NaN : (double) truePositives / actual;
    }

    double f1() {
      double p = precision();
      double r = recall();
      if (Double.isNaN(p) || Double.isNaN(r)) {
        return Double.NaN;
      }
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    long support() {
      return truePositives + falseNegatives;
    }
  }

  private final Map<String, Counts> labels = new TreeMap<>();
  private long posts;
  private long exact;

  /** Adds one post: the labels expected and the labels predicted. */
  void add(Collection<String> expected, Collection<String> predicted) {
    Set<String> e = new TreeSet<>(expected);
    Set<String> p = new TreeSet<>(predicted);
    posts++;
    if (e.equals(p)) {
      exact++;
    }
    for (String label : p) {
      Counts c = labels.computeIfAbsent(label, l -> new Counts());
      if (e.contains(label)) {
        c.truePositives++;
      } else {
        c.falsePositives++;
      }
    }
    for (String label : e) {
      if (!p.contains(label)) {
        labels.computeIfAbsent(label, l -> new Counts()).falseNegatives++;
      }
    }
  }

  /** Registers labels that should be reported even if never seen (all taxonomy labels). */
  void expectLabels(Collection<String> all) {
    all.forEach(l -> labels.computeIfAbsent(l, x -> new Counts()));
  }

  Map<String, Counts> labels() {
    return labels;
  }

  /** Share of posts whose predicted label set equals the expected one. */
  double exactMatch() {
    return posts == 0 ? Double.NaN : (double) exact / posts;
  }

  /** Mean F1 over labels that occur in the expected data (macro average). */
  double macroF1() {
    List<Double> f1s = new ArrayList<>();
    for (Counts c : labels.values()) {
      if (c.support() > 0) {
        f1s.add(Double.isNaN(c.f1()) ? 0.0 : c.f1());
      }
    }
    return f1s.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Precision and recall over all labels together (micro average). */
  Counts micro() {
    Counts total = new Counts();
    for (Counts c : labels.values()) {
      total.truePositives += c.truePositives;
      total.falsePositives += c.falsePositives;
      total.falseNegatives += c.falseNegatives;
    }
    return total;
  }
}
