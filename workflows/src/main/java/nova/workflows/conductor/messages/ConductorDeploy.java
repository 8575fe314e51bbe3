package nova.workflows.conductor.messages;

/**
 * A model config file name (e.g. vision_model_config.toml), its allocation (c1r1:c2r2) and the name
 * clients ask for.
 */
public record ConductorDeploy(
    ConductorTarget target, String modelConfig, String allocation, String instanceModelName) {}
