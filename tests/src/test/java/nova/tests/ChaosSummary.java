package nova.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What bin/nova chaos prints at the end, each figure with its target. */
record ChaosSummary(
    int faultCount,
    double seconds,
    List<String> faults,
    int completed,
    int lifecycles,
    int duplicated,
    int missing,
    List<Long> waitsMillis,
    Map<String, AtomicInteger> unavailable) {
  void print() {
    List<Long> waits = new ArrayList<>(waitsMillis);
    Collections.sort(waits);
    long worst = waits.isEmpty() ? 0 : waits.getLast();
    long p99 =
        waits.isEmpty()
            ? 0
            : waits.get((int) Math.min(waits.size() - 1, Math.ceil(waits.size() * 0.99) - 1));
    System.out.printf("%nchaos: %d faults in %.1f s%n", faultCount, seconds);
    faults.forEach(f -> System.out.println("  " + f));
    System.out.printf(
        "  lifecycles completed  %d of %d (%.0f %%)   target 100 %%%n",
        completed, lifecycles, 100.0 * completed / lifecycles);
    System.out.printf(
        "  task events           %d duplicated, %d missing   target 0 and 0%n",
        duplicated, missing);
    System.out.printf(
        "  an action waited      p99 %d ms, worst %d ms (%d actions)%n", p99, worst, waits.size());
    System.out.printf(
        "  503s answered         %s (each named the part that was down)%n", unavailable);
  }
}
