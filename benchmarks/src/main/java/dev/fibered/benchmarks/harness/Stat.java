package dev.fibered.benchmarks.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The median of the forks' medians, with the lowest and highest fork median as the spread. */
final class Stat {
  final double median;
  final double min;
  final double max;

  private Stat(double median, double min, double max) {
    this.median = median;
    this.min = min;
    this.max = max;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static Stat ofForks(List<Double> forkMedians) {
    double min = forkMedians.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = forkMedians.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return new Stat(median(forkMedians), min, max);
  }

  static Stat of(double median, double min, double max) {
    return new Stat(median, min, max);
  }

  static String number(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  @Override
  public String toString() {
    if (min == max) {
      return number(median);
    }
    return number(median) + " (" + number(min) + "–" + number(max) + ")";
  }
}
