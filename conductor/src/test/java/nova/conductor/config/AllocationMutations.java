package nova.conductor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import nova.conductor.config.AllocationDraws.Drawn;
import nova.conductor.config.AllocationDraws.Token;

/** Breaks a valid allocation in one place, remembering where. */
final class AllocationMutations {
  /** Characters that can never continue or start a node, nor separate one. */
  private static final List<String> GARBAGE =
      List.of(
          " ", "\t", "\n", "x", "C", "R", "E", "-", ";", "/", ".", "#", "é", "١", "\uD83D\uDE00");

  private AllocationMutations() {}

  /** An invalid allocation; position is the 1-based position of its first wrong character. */
  record Mutant(String text, int position, String how) {}

  static Arbitrary<Mutant> of(Drawn drawn) {
    String text = drawn.text();
    List<Map.Entry<Integer, Token>> tokens = drawn.placedTokens();
    Arbitrary<Map.Entry<Integer, Token>> token = Arbitraries.of(tokens);
    return Arbitraries.oneOf(
        garbage(text),
        droppedSeparator(text),
        token.map(t -> duplicated(text, t)),
        token.map(t -> duplicatedThroughItsRack(text, t)),
        token.flatMap(t -> unknownId(drawn.dc(), text, t)),
        emptyNode(text));
  }

  private static Arbitrary<Mutant> garbage(String text) {
    return Arbitraries.integers()
        .between(0, text.length())
        .flatMap(
            at ->
                Arbitraries.of(GARBAGE)
                    .map(
                        g ->
                            new Mutant(
                                insert(text, at, g), at + 1, "garbage '" + g + "' at " + at)));
  }

  /** Without a separator, one node runs into the next. */
  private static Arbitrary<Mutant> droppedSeparator(String text) {
    List<Integer> separators = separators(text);
    if (separators.isEmpty()) return garbage(text);
    return Arbitraries.of(separators)
        .map(
            at ->
                new Mutant(
                    text.substring(0, at) + text.substring(at + 1),
                    at + 1,
                    "dropped separator at " + at));
  }

  private static Mutant duplicated(String text, Map.Entry<Integer, Token> placed) {
    int end = placed.getKey() + placed.getValue().text().length();
    String copy = "," + placed.getValue().text();
    return new Mutant(insert(text, end, copy), end + 2, "duplicated " + placed.getValue().text());
  }

  /** An engine again, through its rack (or a rack again, as itself). */
  private static Mutant duplicatedThroughItsRack(String text, Map.Entry<Integer, Token> placed) {
    Datacenter.Engine engine = placed.getValue().engines().getFirst();
    int end = placed.getKey() + placed.getValue().text().length();
    String copy = "," + engine.chassis() + engine.rack();
    return new Mutant(insert(text, end, copy), end + 2, "rack of " + placed.getValue().text());
  }

  /** One id of a node replaced by a number its parent does not have. */
  private static Arbitrary<Mutant> unknownId(
      Datacenter dc, String text, Map.Entry<Integer, Token> placed) {
    Token token = placed.getValue();
    Datacenter.Engine engine = token.engines().getFirst();
    Datacenter.Chassis chassis = dc.chassis(engine.chassis()).orElseThrow();
    Datacenter.Rack rack = chassis.rack(engine.rack()).orElseThrow();
    int start = placed.getKey();
    int rackAt = start + engine.chassis().length();
    int engineAt = rackAt + engine.rack().length();
    boolean isEngine = token.text().length() > engineAt - start;
    String unknownChassis = fresh("c", dc.chassis().stream().map(Datacenter.Chassis::id).toList());
    String unknownRack = fresh("r", chassis.racks().stream().map(Datacenter.Rack::id).toList());
    String unknownEngine = fresh("e", rack.engines().stream().map(Datacenter.Engine::id).toList());
    List<Mutant> mutants =
        new ArrayList<>(
            List.of(
                replace(text, start, engine.chassis(), unknownChassis, start + 1),
                replace(text, rackAt, engine.rack(), unknownRack, rackAt + 1)));
    if (isEngine) mutants.add(replace(text, engineAt, engine.id(), unknownEngine, engineAt + 1));
    return Arbitraries.of(mutants);
  }

  /** Separators with nothing between them, or before the first node, or after the last. */
  private static Arbitrary<Mutant> emptyNode(String text) {
    List<Integer> separators = separators(text);
    return Arbitraries.of(",", ":")
        .flatMap(
            sep -> {
              Arbitrary<Mutant> ends =
                  Arbitraries.of(
                      new Mutant(sep + text, 1, "leading " + sep),
                      new Mutant(text + sep, text.length() + 1, "trailing " + sep));
              if (separators.isEmpty()) return ends;
              return Arbitraries.oneOf(
                  ends,
                  Arbitraries.of(separators)
                      .map(
                          at ->
                              new Mutant(
                                  insert(text, at + 1, sep),
                                  at + 2,
                                  "empty node after the separator at " + at)));
            });
  }

  private static List<Integer> separators(String text) {
    return IntStream.range(0, text.length())
        .filter(i -> text.charAt(i) == ',' || text.charAt(i) == ':')
        .boxed()
        .toList();
  }

  private static Mutant replace(String text, int at, String old, String fresh, int position) {
    String mutated = text.substring(0, at) + fresh + text.substring(at + old.length());
    return new Mutant(mutated, position, old + " -> " + fresh + " at " + at);
  }

  private static String fresh(String letter, List<String> taken) {
    int n = 13;
    while (taken.contains(letter + n)) n++;
    return letter + n;
  }

  private static String insert(String text, int at, String what) {
    return text.substring(0, at) + what + text.substring(at);
  }
}
