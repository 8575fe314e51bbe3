package nova.conductor.wire;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import nova.conductor.wire.Body.ChatMessage;

/**
 * Generated bodies of every kind, with texts long enough now and then to spill into a second
 * segment.
 */
final class BodyArbitraries {
  private BodyArbitraries() {}

  static Arbitrary<Body> bodies() {
    return Arbitraries.oneOf(
        List.of(
            Combinators.combine(text(), text(), uint32(), bool()).as(Body.Hello::new),
            Combinators.combine(
                    text(),
                    text(),
                    Arbitraries.of(ModelKind.class),
                    uint32(),
                    uint16(),
                    uint16(),
                    Arbitraries.of(LoraMode.class),
                    uint16())
                .as(Body.Setup::new),
            Combinators.combine(bool(), text(), uint32()).as(Body.SetupDone::new),
            Combinators.combine(text(), text(), uint16(), texts()).as(Body.Assign::new),
            Arbitraries.just(new Body.Assigned()),
            Combinators.combine(text(), uint16(), text()).as(Body.LoadAdapter::new),
            Combinators.combine(text(), uint16(), text()).as(Body.UnloadAdapter::new),
            Combinators.combine(bool(), text(), texts()).as(Body.AdapterResult::new),
            Combinators.combine(messages(), uint32(), Arbitraries.floats(), text(), uint32())
                .as(Body.Infer::new),
            texts().map(Body.Encode::new),
            uint32().map(Body.Encoded::new),
            Combinators.combine(uint32(), text()).as(Body.Token::new),
            Combinators.combine(uint32(), uint32(), text()).as(Body.Done::new),
            Combinators.combine(Arbitraries.of(FailureCode.class), text()).as(Body.Failure::new),
            Arbitraries.just(new Body.Cancel()),
            Combinators.combine(
                    uint64(), Arbitraries.of(AgentState.class), uint32(), uint64(), texts())
                .as(Body.Heartbeat::new),
            Arbitraries.just(new Body.Drain()),
            uint64().map(Body.Drained::new),
            Arbitraries.just(new Body.StatusRequest()),
            Combinators.combine(
                    uint64(), Arbitraries.of(AgentState.class), uint32(), uint64(), texts())
                .as(Body.Status::new),
            Combinators.combine(uint64(), bytes()).as(Body.Ping::new),
            Combinators.combine(uint64(), bytes()).as(Body.Pong::new)));
  }

  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(40)),
        Tuple.of(2, Arbitraries.of("", "😀 emoji", "a\"b\\c'd\n")),
        Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(2_000).ofMaxLength(6_000)));
  }

  private static Arbitrary<List<String>> texts() {
    return text().list().ofMaxSize(5);
  }

  private static Arbitrary<List<ChatMessage>> messages() {
    return Combinators.combine(text(), text(), texts()).as(ChatMessage::new).list().ofMaxSize(4);
  }

  private static Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000);
  }

  private static Arbitrary<Integer> uint16() {
    return Arbitraries.integers().between(0, 0xFFFF);
  }

  private static Arbitrary<Integer> uint32() {
    return Arbitraries.integers();
  }

  private static Arbitrary<Long> uint64() {
    return Arbitraries.longs();
  }

  private static Arbitrary<Boolean> bool() {
    return Arbitraries.of(true, false);
  }
}
