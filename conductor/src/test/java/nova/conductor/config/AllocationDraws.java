package nova.conductor.config;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Arbitrary datacenters, and valid allocations drawn from them with the engines they name. */
final class AllocationDraws {
  private AllocationDraws() {}

  /** A node as written and the engines it names. */
  record Token(String text, List<Datacenter.Engine> engines) {}

  /** A valid allocation: the groups of nodes it was written from. */
  record Drawn(Datacenter dc, ModelConfig model, List<List<Token>> groups) {
    String text() {
      return groups.stream()
          .map(group -> group.stream().map(Token::text).collect(joining(",")))
          .collect(joining(":"));
    }

    List<List<Datacenter.Engine>> engines() {
      return groups.stream()
          .map(group -> group.stream().flatMap(t -> t.engines().stream()).toList())
          .toList();
    }

    /** Every node with the 0-based offset where it starts in text(). */
    List<Map.Entry<Integer, Token>> placedTokens() {
      List<Map.Entry<Integer, Token>> placed = new ArrayList<>();
      int offset = 0;
      for (List<Token> group : groups) {
        for (Token token : group) {
          placed.add(Map.entry(offset, token));
          offset += token.text().length() + 1;
        }
      }
      return placed;
    }
  }

  /** Mostly generated topologies with ids up to two digits, sometimes the shipped examples. */
  static Arbitrary<Datacenter> topologies() {
    Arbitrary<Integer> ids = Arbitraries.integers().between(0, 12);
    Arbitrary<Map<Integer, Map<Integer, Set<Integer>>>> shapes =
        Arbitraries.maps(
                ids,
                Arbitraries.maps(ids, ids.set().ofMinSize(1).ofMaxSize(4))
                    .ofMinSize(1)
                    .ofMaxSize(4))
            .ofMinSize(1)
            .ofMaxSize(4);
    return Arbitraries.frequencyOf(
        Tuple.of(3, shapes.map(AllocationDraws::datacenter)),
        Tuple.of(1, Arbitraries.of(Topologies.example(), Topologies.grid(4, 4, 4))));
  }

  static Arbitrary<Drawn> allocations() {
    return topologies().flatMap(AllocationDraws::drawnFrom);
  }

  private static Arbitrary<Drawn> drawnFrom(Datacenter dc) {
    List<Arbitrary<List<Token>>> perRack = new ArrayList<>();
    for (Datacenter.Chassis chassis : dc.chassis()) {
      for (Datacenter.Rack rack : chassis.racks()) perRack.add(tokens(chassis, rack));
    }
    return Combinators.combine(perRack)
        .as(lists -> lists.stream().flatMap(List::stream).toList())
        .filter(tokens -> !tokens.isEmpty())
        .flatMap(Arbitraries::shuffle)
        .flatMap(tokens -> grouped(dc, tokens));
  }

  /** A rack is left out, taken whole, or some of its engines are taken one by one. */
  private static Arbitrary<List<Token>> tokens(Datacenter.Chassis chassis, Datacenter.Rack rack) {
    return Arbitraries.oneOf(
        Arbitraries.just(List.of()),
        Arbitraries.just(List.of(new Token(chassis.id() + rack.id(), rack.engines()))),
        Arbitraries.subsetOf(rack.engines())
            .ofMinSize(1)
            .map(engines -> engines.stream().map(e -> new Token(e.node(), List.of(e))).toList()));
  }

  /** One group for a single model, or two for spec decode, cut anywhere. */
  private static Arbitrary<Drawn> grouped(Datacenter dc, List<Token> tokens) {
    Drawn one = new Drawn(dc, Topologies.unlimited(ModelKind.SINGLE), List.of(tokens));
    if (tokens.size() < 2) return Arbitraries.just(one);
    ModelConfig two = Topologies.unlimited(ModelKind.SPEC_DECODE);
    return Arbitraries.oneOf(
        Arbitraries.just(one),
        Arbitraries.integers()
            .between(1, tokens.size() - 1)
            .map(
                cut ->
                    new Drawn(
                        dc,
                        two,
                        List.of(tokens.subList(0, cut), tokens.subList(cut, tokens.size())))));
  }

  private static Datacenter datacenter(Map<Integer, Map<Integer, Set<Integer>>> shape) {
    List<Datacenter.Chassis> chassis = new ArrayList<>();
    shape.forEach(
        (c, racks) -> {
          List<Datacenter.Rack> rackList = new ArrayList<>();
          racks.forEach(
              (r, engines) ->
                  rackList.add(
                      new Datacenter.Rack(
                          "r" + r,
                          engines.stream()
                              .map(e -> Topologies.engine("c" + c, "r" + r, "e" + e))
                              .toList())));
          chassis.add(new Datacenter.Chassis("c" + c, rackList));
        });
    return new Datacenter("generated", chassis);
  }
}
