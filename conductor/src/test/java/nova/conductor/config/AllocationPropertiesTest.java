package nova.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import nova.conductor.config.AllocationDraws.Drawn;
import nova.conductor.config.AllocationMutations.Mutant;

/** The allocation parser against generated topologies, allocations and their mutations. */
class AllocationPropertiesTest {
  private static final Datacenter EXAMPLE = Topologies.example();
  private static final ModelConfig SPEC_DECODE =
      Topologies.exampleModel("spec_decode_model_config.toml");

  @Property
  void validAllocationsParseToExactlyTheEnginesDrawnInOrder(@ForAll("valid") Drawn drawn)
      throws ConfigException {
    Allocation allocation = Allocations.parse(drawn.text(), drawn.dc(), drawn.model());
    assertThat(allocation.groups())
        .extracting(Allocation.Group::engines)
        .isEqualTo(drawn.engines());
    assertThat(allocation.groups())
        .extracting(Allocation.Group::role)
        .isEqualTo(drawn.model().roles());
    assertThat(allocation.engines()).doesNotHaveDuplicates();
  }

  @Property
  void mutantsAreRejectedAtOrBeforeTheMutation(@ForAll("mutants") Tuple2<Drawn, Mutant> pair) {
    Drawn drawn = pair.get1();
    Mutant mutant = pair.get2();
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> Allocations.parse(mutant.text(), drawn.dc(), drawn.model()));
    assertThat(e).as("%s: %s must be rejected", mutant.how(), mutant.text()).isNotNull();
    assertThat(e.getMessage()).startsWith("allocation '" + mutant.text() + "': position ");
    assertThat(e.position())
        .as(e.getMessage())
        .isBetween(1, mutant.text().length())
        .isLessThanOrEqualTo(mutant.position());
  }

  @Property
  void nearlyValidStringsOnlyEverFailWithConfigException(@ForAll("nearlyValid") String text) {
    onlyConfigException(text);
  }

  @Property
  void anyStringOnlyEverFailsWithConfigException(@ForAll String text) {
    onlyConfigException(text);
  }

  private static void onlyConfigException(String text) {
    try {
      Allocation allocation = Allocations.parse(text, EXAMPLE, SPEC_DECODE);
      assertThat(allocation.groups()).hasSize(2);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).startsWith("allocation '" + text + "': ");
      assertThat(e.position()).isBetween(0, text.length());
    }
  }

  @Provide
  Arbitrary<Drawn> valid() {
    return AllocationDraws.allocations();
  }

  @Provide
  Arbitrary<Tuple2<Drawn, Mutant>> mutants() {
    return AllocationDraws.allocations()
        .flatMap(drawn -> AllocationMutations.of(drawn).map(m -> Tuple.of(drawn, m)));
  }

  /** The grammar's own characters, so some tries get deep into a node before failing. */
  @Provide
  Arbitrary<String> nearlyValid() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            List.of(
                "c1", "c2", "c3", "r1", "r4", "r9", "e0", "e1", "e", "c", "r", ",", ":", "0", " "));
    return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
  }
}
