package nova.web.project;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;
import org.jdbi.v3.core.Jdbi;

/** Projects, their servers and registration tokens in the admin app. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ProjectPage {
  private final Html html;
  private final Jdbi jdbi;
  private final Projects projects;

  public ProjectPage(Html html, Jdbi jdbi, Projects projects) {
    this.html = html;
    this.jdbi = jdbi;
    this.projects = projects;
  }

  @GET
  @Path(Routes.PROJECTS)
  public Response page(@Context Caller caller) {
    return html.guarded(caller, false, () -> html.page("project/page.jte", params(caller)));
  }

  @POST
  @Path(Routes.PROJECTS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @Context Caller caller,
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("require_plan_approval") String requirePlan) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (name == null || name.isBlank())
            throw ApiException.badRequest("a project needs a name");
          projects.create(
              caller, new ProjectRequests.NewProject(name, description, requirePlan != null));
          return html.page("project/part/list.jte", params(caller));
        });
  }

  @POST
  @Path(Routes.TOKENS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response token(@Context Caller caller, @FormParam("project") String project) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (project == null || project.isBlank())
            throw ApiException.badRequest("pick a project for the token");
          Projects.IssuedToken token = projects.issueToken(caller, project, null);
          return html.page(
              "shared/part/secret.jte",
              Map.of(
                  "label",
                  "Registration token (shown once, valid until " + token.expiresAt() + ")",
                  "secret",
                  token.token()));
        });
  }

  private Map<String, Object> params(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Projects", "projects", caller));
    params.put("projects", projects.all());
    params.put("servers", jdbi.onDemand(ProjectDao.class).servers());
    params.put("tokens", jdbi.onDemand(RegistrationTokenDao.class).recent());
    return params;
  }
}
