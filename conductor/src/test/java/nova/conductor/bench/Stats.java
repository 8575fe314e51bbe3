package nova.conductor.bench;

import java.util.Arrays;

/** Percentiles of a sample of nanosecond latencies. */
record Stats(int count, double seconds, long p50, long p99) {
  static Stats of(long[] nanos, double seconds) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Stats(sorted.length, seconds, at(sorted, 0.50), at(sorted, 0.99));
  }

  double perSecond() {
    return count / seconds;
  }

  private static long at(long[] sorted, double q) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }
}
