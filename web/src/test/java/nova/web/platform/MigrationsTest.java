package nova.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration, once applied, never changes: Flyway checks each applied one's checksum at start, and
 * an installed database would refuse to start. sql/migrations.sha256 records every migration (add a
 * line with a new one; a change goes in a new migration).
 */
class MigrationsTest {
  private static final Path SQL = Path.of("..", "sql");

  @Test
  void everyMigrationIsAsRecorded() throws Exception {
    Map<String, String> recorded;
    try (Stream<String> lines = Files.lines(SQL.resolve("migrations.sha256"))) {
      recorded =
          lines
              .map(line -> line.split("\\s+", 2))
              .collect(Collectors.toMap(l -> l[1], l -> l[0], (a, b) -> a, TreeMap::new));
    }
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> files = Files.list(SQL)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).toList())
        actual.put(file.getFileName().toString(), sha256(file));
    }
    assertThat(actual)
        .as(
            "sql/ against sql/migrations.sha256: an applied migration was edited, or a new one is"
                + " not recorded")
        .isEqualTo(recorded);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
