package nova.web.auth;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Generated secrets that must outlive a restart. */
public interface SettingsDao {
  @SqlQuery("SELECT value FROM settings WHERE key = :key")
  Optional<String> get(String key);

  /** Stores the value unless one is there already; returns the value in force. */
  @SqlQuery(
      """
      INSERT INTO settings (key, value) VALUES (:key, :value)
      ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key RETURNING value\
      """)
  String putIfAbsent(String key, String value);

  @SqlUpdate(
      "INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET"
          + " value = EXCLUDED.value, updated_at = now()")
  void put(String key, String value);
}
