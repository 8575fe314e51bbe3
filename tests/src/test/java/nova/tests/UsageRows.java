package nova.tests;

import java.util.List;
import java.util.concurrent.TimeUnit;
import nova.web.platform.Database;

/**
 * The usage table's rows for one provider, read once the gateway's background writer has written
 * them.
 */
final class UsageRows {
  private UsageRows() {}

  static List<String> outcomes(String provider) {
    Database db = Fixtures.database();
    try {
      List<String> rows = List.of();
      for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          System.nanoTime() < deadline; ) {
        rows =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT outcome FROM llm_usage WHERE provider = :p ORDER BY at")
                            .bind("p", provider)
                            .mapTo(String.class)
                            .list());
        if (!rows.isEmpty() && rows.size() == previous(db, provider)) return rows;
        Thread.sleep(300);
      }
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      db.stop();
    }
  }

  private static int previous(Database db, String provider) throws InterruptedException {
    Thread.sleep(
        300); // the writer flushes every 200 ms: a count that holds across one flush is complete
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM llm_usage WHERE provider = :p")
                    .bind("p", provider)
                    .mapTo(Integer.class)
                    .one());
  }
}
