package nova.conductor.config;

import java.nio.file.Path;

/** Loads and validates the conductor's three TOML files. */
public final class Configs {
  private Configs() {}

  /** app_config.toml; relative paths in it resolve against the file's directory. */
  public static AppConfig app(Path file) throws ConfigException {
    return AppConfigReader.read(file);
  }

  public static Datacenter datacenter(Path file) throws ConfigException {
    return DatacenterReader.read(file);
  }

  public static ModelConfig model(Path file) throws ConfigException {
    return ModelConfigReader.read(file);
  }
}
