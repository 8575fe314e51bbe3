package nova.conductor.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads datacenter.toml: [[chassis]], [[chassis.racks]] and [[chassis.racks.engines]]. */
final class DatacenterReader {
  private final Map<String, Integer> socketLines = new HashMap<>();
  private final Map<String, String> socketOwners = new HashMap<>();

  private DatacenterReader() {}

  static Datacenter read(Path file) throws ConfigException {
    TomlSection root = TomlDocument.read(file);
    root.allowOnly("name", "chassis");
    String name = root.string("name");
    List<TomlSection> chassis = root.tables("chassis");
    if (chassis.isEmpty()) {
      throw root.here(
          "no [[chassis]]; a datacenter needs at least one chassis with a rack"
              + " with an engine");
    }
    return new Datacenter(name, new DatacenterReader().chassis(chassis));
  }

  private List<Datacenter.Chassis> chassis(List<TomlSection> sections) throws ConfigException {
    List<Datacenter.Chassis> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (TomlSection section : sections) {
      section.allowOnly("id", "racks");
      String id = id(section, 'c', "chassis", seen);
      List<TomlSection> racks = section.tables("racks");
      if (racks.isEmpty()) throw section.here("chassis " + id + " has no [[chassis.racks]]");
      result.add(new Datacenter.Chassis(id, racks(id, racks)));
    }
    return result;
  }

  private List<Datacenter.Rack> racks(String chassis, List<TomlSection> sections)
      throws ConfigException {
    List<Datacenter.Rack> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (TomlSection section : sections) {
      section.allowOnly("id", "engines");
      String id = id(section, 'r', "rack", seen);
      List<TomlSection> engines = section.tables("engines");
      if (engines.isEmpty()) {
        throw section.here("rack " + chassis + id + " has no [[chassis.racks.engines]]");
      }
      result.add(new Datacenter.Rack(id, engines(chassis, id, engines)));
    }
    return result;
  }

  private List<Datacenter.Engine> engines(String chassis, String rack, List<TomlSection> sections)
      throws ConfigException {
    List<Datacenter.Engine> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (TomlSection section : sections) {
      section.allowOnly("id", "socket");
      String id = id(section, 'e', "engine", seen);
      String node = chassis + rack + id;
      String socket = section.optionalString("socket").orElse(node + ".sock");
      checkSocket(section, socket, node);
      result.add(new Datacenter.Engine(chassis, rack, id, socket));
    }
    return result;
  }

  /** Ids are a letter and a number without leading zeros, so "c1r1" names one rack only. */
  private static String id(TomlSection section, char letter, String what, Map<String, Integer> seen)
      throws ConfigException {
    String id = section.string("id");
    if (!Pattern.matches(letter + "(0|[1-9][0-9]{0,8})", id)) {
      throw section.error(
          "id",
          "'id' of a "
              + what
              + " must be '"
              + letter
              + "' and a number without leading zeros (like \""
              + letter
              + "1\"), not \""
              + id
              + '"');
    }
    Integer first = seen.putIfAbsent(id, section.line("id"));
    if (first != null) {
      throw section.error(
          "id", "duplicate " + what + " id \"" + id + "\"; first defined on line " + first);
    }
    return id;
  }

  private void checkSocket(TomlSection section, String socket, String node) throws ConfigException {
    if (socket.contains("/") || socket.equals(".") || socket.equals("..")) {
      throw section.error(
          "socket",
          "'socket' must be a file name in the app's socket_dir,"
              + " without '/', not \""
              + socket
              + '"');
    }
    int bytes = socket.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > Datacenter.Engine.MAX_SOCKET_NAME_BYTES) {
      throw section.error(
          "socket",
          "'socket' \""
              + socket
              + "\" is "
              + bytes
              + " bytes; at most "
              + Datacenter.Engine.MAX_SOCKET_NAME_BYTES
              + " fit in a UNIX socket path");
    }
    String owner = socketOwners.putIfAbsent(socket, node);
    if (owner != null) {
      throw section.error(
          "socket",
          "socket \""
              + socket
              + "\" of engine "
              + node
              + " is already used by engine "
              + owner
              + " (line "
              + socketLines.get(socket)
              + ")");
    }
    socketLines.put(socket, section.line("socket"));
  }
}
