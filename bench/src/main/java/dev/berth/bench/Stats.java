package dev.berth.bench;

import java.util.Arrays;

/** Percentiles of samples, nearest rank. */
final class Stats {
  private Stats() {}

  static double percentile(long[] samples, double p) {
    long[] s = samples.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
