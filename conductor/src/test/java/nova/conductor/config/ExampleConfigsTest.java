package nova.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped config loads, and the allocation its header documents works with it. */
class ExampleConfigsTest {
  static final Path CONFIGS = Path.of("configs");
  private static final Pattern DOCUMENTED = Pattern.compile("--allocation (\\S+)");

  static Stream<Arguments> modelConfigs() {
    return Stream.of(
        Arguments.of(
            "single_model_config.toml", ModelKind.SINGLE, List.of("model"), LoraMode.NONE, 0),
        Arguments.of(
            "spec_decode_model_config.toml",
            ModelKind.SPEC_DECODE,
            List.of("draft", "target"),
            LoraMode.NONE,
            0),
        Arguments.of(
            "vision_model_config.toml",
            ModelKind.VISION,
            List.of("encoder", "language"),
            LoraMode.NONE,
            0),
        Arguments.of(
            "single_model_static_lora_config.toml",
            ModelKind.SINGLE,
            List.of("model"),
            LoraMode.STATIC,
            2),
        Arguments.of(
            "single_model_dyn_lora_config.toml",
            ModelKind.SINGLE,
            List.of("model"),
            LoraMode.DYNAMIC,
            3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelConfigs")
  void modelConfigLoadsAndTakesItsDocumentedAllocation(
      String file, ModelKind kind, List<String> roles, LoraMode lora, int adapters)
      throws Exception {
    ModelConfig model = Configs.model(CONFIGS.resolve(file));
    assertThat(model.kind()).isEqualTo(kind);
    assertThat(model.roles()).extracting(ModelConfig.Role::name).isEqualTo(roles);
    assertThat(model.servingRole().name()).isEqualTo(kind.servingRoleName());
    assertThat(model.lora().mode()).isEqualTo(lora);
    assertThat(model.lora().adapters()).hasSize(adapters);

    Datacenter dc = Configs.datacenter(CONFIGS.resolve("datacenter.toml"));
    Allocation allocation = Allocations.parse(documentedAllocation(file), dc, model);
    assertThat(allocation.groups()).hasSize(roles.size());
    assertThat(allocation.groups().getLast().role()).isEqualTo(model.servingRole());
  }

  @Test
  void specDecodeExampleGivesTheSeedsSplit() throws Exception {
    Allocation allocation =
        Allocations.parse(
            "c1r1:c2r2,c2r3",
            Configs.datacenter(CONFIGS.resolve("datacenter.toml")),
            Configs.model(CONFIGS.resolve("spec_decode_model_config.toml")));
    assertThat(allocation.groups().get(0).engines())
        .extracting(Datacenter.Engine::node)
        .containsExactly("c1r1e0", "c1r1e1");
    assertThat(allocation.groups().get(1).engines())
        .extracting(Datacenter.Engine::node)
        .containsExactly("c2r2e0", "c2r2e1", "c2r3e0", "c2r3e1");
  }

  @Test
  void datacenterHas16EnginesWithDefaultOrExplicitSockets() throws Exception {
    Datacenter dc = Configs.datacenter(CONFIGS.resolve("datacenter.toml"));
    assertThat(dc.engines()).hasSize(16);
    assertThat(dc.engines()).allSatisfy(e -> assertThat(e.socket()).isEqualTo(e.node() + ".sock"));
  }

  @Test
  void benchmarkDatacenterTakesAll64EnginesForOneModel() throws Exception {
    Datacenter dc = Configs.datacenter(CONFIGS.resolve("datacenter_64.toml"));
    ModelConfig single = Configs.model(CONFIGS.resolve("single_model_config.toml"));
    Allocation all = Allocations.parse(documentedAllocation("datacenter_64.toml"), dc, single);
    assertThat(all.engines()).isEqualTo(dc.engines()).hasSize(64);
  }

  @Test
  void appConfigExampleSpellsOutTheDefaults(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("app_config.toml"), "");
    AppConfig defaults = Configs.app(empty);
    assertThat(Configs.app(CONFIGS.resolve("app_config.toml"))).isEqualTo(defaults);
    assertThat(defaults.http()).isEqualTo(new AppConfig.Http("127.0.0.1", 51055));
    assertThat(defaults.agents().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.agents().socketDir().toString().length())
        .isLessThanOrEqualTo(AppConfig.Agents.MAX_SOCKET_DIR_BYTES);
  }

  @Test
  void relativeSocketDirResolvesAgainstTheConfigsDirectory(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("app.toml"), "[agents]\nsocket_dir = \"s\"\n");
    assertThat(Configs.app(file).agents().socketDir()).isEqualTo(dir.toAbsolutePath().resolve("s"));
  }

  static String documentedAllocation(String file) throws IOException {
    Matcher m = DOCUMENTED.matcher(Files.readString(CONFIGS.resolve(file)));
    assertThat(m.find()).as("%s documents an --allocation", file).isTrue();
    return m.group(1);
  }
}
