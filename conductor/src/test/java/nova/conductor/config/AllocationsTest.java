package nova.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allocation grammar's messages, one case each. */
class AllocationsTest {
  private final Datacenter dc = Topologies.example();
  private final ModelConfig single = Topologies.exampleModel("single_model_config.toml");
  private final ModelConfig specDecode = Topologies.exampleModel("spec_decode_model_config.toml");

  @Test
  void rackExpandsToItsEnginesAndEnginesStandAlone() throws Exception {
    Allocation allocation = Allocations.parse("c2r4,c1r1e1", dc, single);
    assertThat(allocation.engines())
        .extracting(Datacenter.Engine::node)
        .containsExactly("c2r4e0", "c2r4e1", "c1r1e1");
    assertThat(allocation.groups().getFirst().index()).isZero();
    assertThat(allocation.text()).isEqualTo("c2r4,c1r1e1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          c1r1:c2x2       | 8 | expected 'r' followed by a rack number after chassis 'c2'
          c1r1:c2r2,c1r1  | 11 | engine c1r1e0 is already allocated (by c1r1 at position 1)
          c1r1e1:c2r2,c1r1 | 13 | engine c1r1e1 is already allocated (by c1r1e1 at position 1)
          c1r1,,c1r2:c2r1 | 6 | expected a node such as c1r1 or c1r1e0 between ',' and ','
          :c1r1:c2r1      | 1 | expected a node such as c1r1 or c1r1e0 before ':'
          c1r1:c2r1,      | 10 | expected a node such as c1r1 or c1r1e0 after ','
          c1r1: c2r1      | 6 | whitespace is not allowed in an allocation; expected a node such as c1r1
          c1r1:c2r        | 8 | expected a rack number after 'r', but the allocation ends
          c1r1:c2r1e      | 10 | expected an engine number after 'e', but the allocation ends
          c1r1:c2r1e1x    | 12 | expected ',' or ':' after engine 'c2r1e1'
          c1r1c2r1        | 5 | expected 'e' followed by an engine number, or ',' or ':', after rack 'c1r1'
          c3r1:c2r1       | 1 | datacenter 'dev' has no chassis c3 (it has c1, c2)
          c1r1:c2r9       | 8 | chassis c2 has no rack r9 (it has r1, r2, r3, r4)
          c1r1:c2r1e2     | 10 | rack c2r1 has no engine e2 (it has e0, e1)
          c01r1:c2r1      | 1 | datacenter 'dev' has no chassis c01
          C1r1:c2r1       | 1 | expected a node such as c1r1 or c1r1e0
          c1r1:c2r1e0     | 6 | group 2 (target) has 1 engine; role target needs at least 2
          c1r1,c1r2,c1r3:c2r1 | 1 | group 1 (draft) has 6 engines; role draft takes at most 4
          """)
  void rejectsWithThePositionAndWhatWasExpected(String text, int position, String message) {
    assertThatThrownBy(() -> Allocations.parse(text, dc, specDecode))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("allocation '" + text + "': position " + position + ": " + message);
              assertThat(e.position()).isEqualTo(position);
            });
  }

  @Test
  void countsGroupsAgainstRoles() {
    assertThatThrownBy(() -> Allocations.parse("c1r1", dc, specDecode))
        .hasMessage(
            "allocation 'c1r1': 1 group for 2 roles of spec_decode (draft:target);"
                + " separate the groups with ':'");
    assertThatThrownBy(() -> Allocations.parse("c1r1:c1r2", dc, single))
        .hasMessage(
            "allocation 'c1r1:c1r2': 2 groups for 1 role of single (model);"
                + " group i serves role i");
  }

  @Test
  void rejectsAnEmptyAllocation() {
    assertThatThrownBy(() -> Allocations.parse("", dc, single))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("allocation '': is empty; expected a node such as c1r1");
  }
}
