package nova.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nova.web.llm.LlmSettings;

/** nova.yml: every value can be set from the environment; defaults live in that file alone. */
public class NovaConfiguration extends Configuration {
  @NotBlank @JsonProperty public String databaseUrl;
  @NotBlank @JsonProperty public String redisUrl;
  @Valid @NotNull @JsonProperty public Temporal temporal = new Temporal();
  @Valid @NotNull @JsonProperty public Auth auth = new Auth();
  @Valid @NotNull @JsonProperty public LlmSettings llm = new LlmSettings();

  /**
   * Where jte templates are read from on each request (dev hot reload); empty: the precompiled
   * ones.
   */
  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  public String templatesDir = "";

  public static class Temporal {
    @NotBlank @JsonProperty public String address;
    @NotBlank @JsonProperty public String namespace = "default";

    /**
     * How long closed runs stay in a namespace that Nova registers itself (it never changes an
     * existing one).
     */
    @NotNull @JsonProperty public Duration retention = Duration.hours(720);

    /** Base URL of the Temporal Web UI; empty hides the link. */
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public String uiUrl = "";

    /** How long a task may wait on a person before a reminder is recorded. */
    @NotNull @JsonProperty public Duration remindAfter = Duration.hours(4);

    /**
     * Concurrent workflow-task polls. Fewer than the workflows acting at once lets some wait
     * seconds behind the rest (16 workflows updated at once: with 5 pollers some waited 8 s; with
     * 16, none over 64 ms).
     */
    @Min(2)
    @Max(256)
    @JsonProperty
    public int workflowPollers = 16;

    /**
     * Accepted actions after which a task's workflow run continues as new (Temporal allows 2,000
     * updates per run).
     */
    @Min(2)
    @Max(1500)
    @JsonProperty
    public int updatesPerRun = 1000;
  }

  public static class Auth {
    /** The first admin's password; empty: one is generated and shown once. */
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public String adminPassword = "";

    /** The X-Admin-Secret; empty: one is generated, shown once and stored only as a hash. */
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public String adminSecret = "";

    /** Where generated first-run credentials are written for bin/nova to show; empty: the log. */
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public String credentialsFile = "";

    @JsonProperty public boolean secureCookies = false;

    /** A session not used for this long ends. */
    @NotNull @JsonProperty public Duration sessionIdle = Duration.hours(8);

    /** A session ends this long after login however it is used. */
    @NotNull @JsonProperty public Duration sessionLifetime = Duration.hours(24);
  }
}
