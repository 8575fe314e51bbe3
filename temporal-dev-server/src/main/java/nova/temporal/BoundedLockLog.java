package nova.temporal;

import java.util.LinkedList;

/**
 * Stands in for the test server's log of time-skipping lock events. Upstream the log is a
 * diagnostic list that only grows: unlocks by name are appended and never removed, so every
 * workflow task leaves entries behind, and each unlock by handle scans the whole list under the
 * server's global timer lock. After a few thousand workflow tasks that scan dominates the
 * server's CPU, and it keeps getting slower for as long as it runs. This log keeps the newest
 * entries only, which is all its diagnostics print.
 */
final class BoundedLockLog extends LinkedList<Object> {
  static final int CAPACITY = 256;

  BoundedLockLog(Iterable<?> existing) {
    existing.forEach(this::add);
  }

  @Override
  public boolean add(Object event) {
    addLast(event);
    while (size() > CAPACITY) {
      removeFirst();
    }
    return true;
  }

  /**
   * Unlocks release recent locks, so the search starts from the newest entry. An entry that aged
   * out still counts as removed: upstream treats a miss as unbalanced locking, while the lock
   * count it keeps beside this log still catches real imbalance.
   */
  @Override
  public boolean remove(Object event) {
    removeLastOccurrence(event);
    return true;
  }
}
