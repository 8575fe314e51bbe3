package nova.conductor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an allocation left to right into groups of engines, checking its syntax, that every node
 * exists and that no engine is taken twice. Errors point at the first character that is wrong.
 */
final class AllocationScanner {
  private static final String NODE = "a node such as c1r1 or c1r1e0";

  /** A group's engines and the 1-based position where it starts. */
  record ScannedGroup(int position, List<Datacenter.Engine> engines) {}

  private record Claim(String node, int position) {}

  /** A node as written, with the 0-based index of each of its parts. */
  private record Node(
      String chassis, String rack, String engine, int start, int rackAt, int engineAt) {}

  private final String text;
  private final Datacenter dc;
  private final Map<String, Claim> claims = new HashMap<>();
  private int at;

  AllocationScanner(String text, Datacenter dc) {
    this.text = text;
    this.dc = dc;
  }

  List<ScannedGroup> groups() throws ConfigException {
    List<ScannedGroup> groups = new ArrayList<>();
    List<Datacenter.Engine> engines = new ArrayList<>();
    int groupStart = 0;
    while (true) {
      engines.addAll(node());
      if (at == text.length()) break;
      if (text.charAt(at++) == ':') {
        groups.add(new ScannedGroup(groupStart + 1, engines));
        engines = new ArrayList<>();
        groupStart = at;
      }
    }
    groups.add(new ScannedGroup(groupStart + 1, engines));
    return groups;
  }

  private List<Datacenter.Engine> node() throws ConfigException {
    int start = at;
    rejectEmptyNode();
    letter('c', NODE);
    String chassis = "c" + digits("a chassis number after 'c'");
    int rackAt = at;
    letter('r', "'r' followed by a rack number after chassis '" + chassis + "'");
    String rack = "r" + digits("a rack number after 'r'");
    int engineAt = at;
    String engine = null;
    if (at < text.length() && text.charAt(at) == 'e') {
      at++;
      engine = "e" + digits("an engine number after 'e'");
      separatorOrEnd("',' or ':' after engine '" + chassis + rack + engine + "'");
    } else {
      separatorOrEnd(
          "'e' followed by an engine number, or ',' or ':', after rack '" + chassis + rack + "'");
    }
    Node node = new Node(chassis, rack, engine, start, rackAt, engineAt);
    return claim(text.substring(start, at), start, resolve(node));
  }

  private void rejectEmptyNode() throws ConfigException {
    if (at == text.length()) {
      throw error(at, "expected " + NODE + " after '" + text.charAt(at - 1) + "'");
    }
    char here = text.charAt(at);
    if (here != ',' && here != ':') return;
    String where =
        at == 0
            ? " before '" + here + "'"
            : " between '" + text.charAt(at - 1) + "' and '" + here + "'";
    throw error(at + 1, "expected " + NODE + where);
  }

  private List<Datacenter.Engine> resolve(Node node) throws ConfigException {
    Datacenter.Chassis chassis =
        dc.chassis(node.chassis())
            .orElseThrow(
                () ->
                    error(
                        node.start() + 1,
                        "datacenter '"
                            + dc.name()
                            + "' has no chassis "
                            + node.chassis()
                            + " (it has "
                            + ids(dc.chassis(), Datacenter.Chassis::id)
                            + ")"));
    Datacenter.Rack rack =
        chassis
            .rack(node.rack())
            .orElseThrow(
                () ->
                    error(
                        node.rackAt() + 1,
                        "chassis "
                            + node.chassis()
                            + " has no rack "
                            + node.rack()
                            + " (it has "
                            + ids(chassis.racks(), Datacenter.Rack::id)
                            + ")"));
    if (node.engine() == null) return rack.engines();
    return List.of(
        rack.engine(node.engine())
            .orElseThrow(
                () ->
                    error(
                        node.engineAt() + 1,
                        "rack "
                            + node.chassis()
                            + node.rack()
                            + " has no engine "
                            + node.engine()
                            + " (it has "
                            + ids(rack.engines(), Datacenter.Engine::id)
                            + ")")));
  }

  private List<Datacenter.Engine> claim(String node, int start, List<Datacenter.Engine> engines)
      throws ConfigException {
    for (Datacenter.Engine engine : engines) {
      Claim earlier = claims.putIfAbsent(engine.node(), new Claim(node, start + 1));
      if (earlier != null) {
        throw error(
            start + 1,
            "engine "
                + engine.node()
                + " is already allocated (by "
                + earlier.node()
                + " at position "
                + earlier.position()
                + ")");
      }
    }
    return engines;
  }

  private void letter(char letter, String expected) throws ConfigException {
    if (at < text.length() && text.charAt(at) == letter) {
      at++;
    } else {
      throw unexpected(expected);
    }
  }

  private String digits(String expected) throws ConfigException {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
    if (at == start) throw unexpected(expected);
    return text.substring(start, at);
  }

  private void separatorOrEnd(String expected) throws ConfigException {
    if (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ':') {
      throw unexpected(expected);
    }
  }

  /** At the end there is no character to point at, so the error points at the last one. */
  private ConfigException unexpected(String expected) {
    if (at == text.length()) return error(at, "expected " + expected + ", but the allocation ends");
    if (Character.isWhitespace(text.charAt(at))) {
      return error(at + 1, "whitespace is not allowed in an allocation; expected " + expected);
    }
    return error(at + 1, "expected " + expected);
  }

  private ConfigException error(int position, String what) {
    return ConfigException.inAllocation(text, position, what);
  }

  private static <T> String ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.joining(", "));
  }
}
