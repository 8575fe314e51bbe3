package nova.conductor.config;

import static nova.conductor.config.TomlFailures.assertFailsAt;
import static nova.conductor.config.TomlFailures.assertFailsWithoutLine;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatacenterErrorsTest {
  private static final String FILE = "datacenter.toml";
  private static final String HEAD =
      """
      name = "dc"

      [[chassis]]
      id = "c1"
      [[chassis.racks]]
      id = "r1"
      """;
  private static final String ENGINE = "[[chassis.racks.engines]]\nid = \"e0\"\n";
  @TempDir Path dir;

  private void fails(String toml, int line, String... says) {
    assertFailsAt(dir, FILE, toml, Configs::datacenter, line, says);
  }

  @Test
  void unknownKeyInANestedArrayOfTables() {
    fails(
        HEAD + "enginez = []\n" + ENGINE,
        7,
        FILE + ":7:1: unknown key 'enginez' in [[chassis.racks]]; allowed: id, engines");
  }

  @Test
  void unknownKeyInAnEngine() {
    fails(
        HEAD + ENGINE + "sockett = \"x.sock\"\n",
        9,
        ":9:1: unknown key 'sockett' in [[chassis.racks.engines]]; allowed: id, socket");
  }

  @Test
  void malformedToml() {
    fails(HEAD + "[[chassis.racks.engines]\nid = \"e0\"\n", 7, "malformed TOML");
  }

  @Test
  void idOfTheWrongShape() {
    fails(
        HEAD + ENGINE + "[[chassis.racks]]\nid = \"rack2\"\n" + ENGINE,
        10,
        "'id' of a rack must be 'r' and a number without leading zeros (like \"r1\"),"
            + " not \"rack2\"");
    fails(HEAD.replace("\"c1\"", "\"c01\"") + ENGINE, 4, "not \"c01\"");
  }

  @Test
  void idOfTheWrongType() {
    fails(
        HEAD + "[[chassis.racks.engines]]\nid = 0\n",
        8,
        "'id' must be a string, not an integer (0)");
  }

  @Test
  void duplicateIdsInOneParent() {
    fails(
        HEAD + ENGINE + "[[chassis.racks]]\nid = \"r1\"\n" + ENGINE,
        10,
        "duplicate rack id \"r1\"; first defined on line 6");
    fails(HEAD + ENGINE + ENGINE, 10, "duplicate engine id \"e0\"; first defined on line 8");
  }

  @Test
  void duplicateSocketsAcrossTheDatacenter() {
    fails(
        HEAD + ENGINE + "[[chassis.racks.engines]]\nid = \"e1\"\nsocket = \"c1r1e0.sock\"\n",
        11,
        "socket \"c1r1e0.sock\" of engine c1r1e1 is already used by engine c1r1e0 (line 7)");
  }

  @Test
  void socketMustBeAShortFileName() {
    fails(HEAD + ENGINE + "socket = \"../x.sock\"\n", 9, "without '/'");
    fails(HEAD + ENGINE + "socket = \"" + "s".repeat(30) + "\"\n", 9, "at most 26");
  }

  @Test
  void rackWithoutEngines() {
    fails(HEAD, 5, "rack c1r1 has no [[chassis.racks.engines]]");
  }

  @Test
  void wrongTypeForAnArrayOfTables() {
    fails(
        "name = \"dc\"\nchassis = \"c1\"\n",
        2,
        "'chassis' must be an array of tables [[chassis]], not a string (\"c1\")");
  }

  @Test
  void noChassisAtAllOrNoName() {
    assertFailsWithoutLine(dir, FILE, "name = \"dc\"\n", Configs::datacenter, "no [[chassis]]");
    assertFailsWithoutLine(
        dir, FILE, "", Configs::datacenter, "missing key 'name' at the top level (a string)");
  }
}
