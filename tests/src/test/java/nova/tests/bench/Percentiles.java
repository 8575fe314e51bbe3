package nova.tests.bench;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Latency samples in nanoseconds, and their percentiles in milliseconds. */
final class Percentiles {
  private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();

  void add(long nanos) {
    samples.add(nanos);
  }

  void addAll(Percentiles other) {
    samples.addAll(other.samples);
  }

  int count() {
    return samples.size();
  }

  double millis(double percentile) {
    long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) return Double.NaN;
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }

  String summary() {
    return "p50 %.1f ms, p99 %.1f ms (n=%d)".formatted(millis(50), millis(99), count());
  }
}
