package nova.web.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nova.web.auth.Caller;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;

/**
 * The Providers page (providers with their circuits, aliases) and the Usage page (totals and a
 * chart of tokens by day).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LlmPages {
  private final Html html;
  private final LlmAdmin admin;
  private final UsageDao usage;

  public LlmPages(Html html, LlmAdmin admin, UsageDao usage) {
    this.html = html;
    this.admin = admin;
    this.usage = usage;
  }

  @GET
  @Path(Routes.PROVIDERS)
  public Response providers(@Context Caller caller) {
    return html.guarded(caller, false, () -> html.page("llm/providers.jte", params(caller)));
  }

  @POST
  @Path(Routes.PROVIDERS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addProvider(
      @Context Caller caller,
      @FormParam("name") String name,
      @FormParam("kind") String kind,
      @FormParam("base_url") String baseUrl,
      @FormParam("api_key") String apiKey,
      @FormParam("models") String models,
      @FormParam("rpm") String rpm) {
    return html.changed(
        caller,
        who -> admin.create(who, ProviderForm.body(name, kind, baseUrl, apiKey, models, rpm)),
        "llm/part/providers.jte",
        this::params);
  }

  @POST
  @Path(Routes.PROVIDER_TOGGLE)
  public Response toggle(@Context Caller caller, @PathParam("name") String name) {
    return html.changed(
        caller,
        who -> {
          ProviderView p = admin.provider(who, name);
          admin.update(
              who,
              name,
              new ProviderRequests.ProviderBody(
                  p.name(), p.kind(), p.baseUrl(), "", p.models(), p.rpm(), !p.enabled()));
        },
        "llm/part/providers.jte",
        this::params);
  }

  @POST
  @Path(Routes.PROVIDER_REMOVE)
  public Response remove(@Context Caller caller, @PathParam("name") String name) {
    return html.changed(
        caller, who -> admin.delete(who, name), "llm/part/providers.jte", this::params);
  }

  @POST
  @Path(Routes.ALIASES)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response putAlias(
      @Context Caller caller,
      @FormParam("name") String name,
      @FormParam("targets") String targets) {
    return html.changed(
        caller,
        who -> {
          List<String> list = Html.names(targets);
          if (list.isEmpty())
            throw ProviderRules.field(
                "targets", "an alias needs at least one provider/model target");
          admin.putAlias(who, name == null ? "" : name.strip(), list);
        },
        "llm/part/aliases.jte",
        this::params);
  }

  @POST
  @Path(Routes.ALIAS_REMOVE)
  public Response removeAlias(@Context Caller caller, @PathParam("name") String name) {
    return html.changed(
        caller, who -> admin.deleteAlias(who, name), "llm/part/aliases.jte", this::params);
  }

  @GET
  @Path(Routes.USAGE)
  public Response usage(
      @Context Caller caller, @QueryParam("days") @DefaultValue("30") String days) {
    return html.guarded(
        caller,
        false,
        () -> {
          caller.requireHuman();
          return html.page(
              "llm/usage.jte",
              Map.of(
                  "page",
                  new PageContext("Usage", "usage", caller),
                  "report",
                  usage.report(UsageResource.days(days))));
        });
  }

  private Map<String, Object> params(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Providers", "providers", caller));
    params.put("providers", admin.providers(caller));
    params.put("aliases", admin.aliases(caller));
    return params;
  }
}
