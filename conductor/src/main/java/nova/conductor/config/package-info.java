/**
 * The conductor's inputs: app_config.toml ({@link nova.conductor.config.AppConfig}), the datacenter
 * topology ({@link nova.conductor.config.Datacenter}), the model config ({@link
 * nova.conductor.config.ModelConfig}), all loaded by {@link nova.conductor.config.Configs}, and the
 * --allocation argument ({@link nova.conductor.config.Allocations}). Everything is validated on
 * load; a {@link nova.conductor.config.ConfigException} says where and what, so a bad file or
 * argument stops the conductor before it spawns anything.
 */
package nova.conductor.config;
