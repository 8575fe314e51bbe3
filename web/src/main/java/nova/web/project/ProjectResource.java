package nova.web.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nova.web.auth.Caller;
import nova.web.auth.SecurityLog;
import nova.web.errors.ApiException;
import nova.web.project.ProjectRequests.NewProject;
import nova.web.project.ProjectRequests.NewRegistrationToken;
import nova.web.project.ProjectRequests.RegisterServer;
import nova.web.ui.Routes;
import nova.workflows.failures.Refusal;

/** /api/v1/projects, /api/v1/registration-tokens and the agents' /api/v1/server/register. */
@Path(Routes.API)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {
  private final Projects projects;
  private final SecurityLog audit;

  public ProjectResource(Projects projects, SecurityLog audit) {
    this.projects = projects;
    this.audit = audit;
  }

  @GET
  @Path("projects")
  public List<ProjectDao.Project> list(@Context Caller caller) {
    caller.requireHuman();
    return projects.all();
  }

  @POST
  @Path("projects")
  public Response create(@Context Caller caller, @NotNull @Valid NewProject body) {
    return Response.status(201).entity(projects.create(caller, body)).build();
  }

  @POST
  @Path("registration-tokens")
  public Response token(@Context Caller caller, @NotNull @Valid NewRegistrationToken body) {
    return Response.status(201)
        .entity(projects.issueToken(caller, body.project(), body.expiresInHours()))
        .build();
  }

  /**
   * A token traded for a server and its agent key; both a use and a refused attempt go in the audit
   * log.
   */
  @POST
  @Path(Routes.SERVER_REGISTER)
  public Response register(@Context Caller caller, @NotNull @Valid RegisterServer body) {
    try {
      Projects.Registered registered = projects.register(body);
      audit.record(
          "registration_token_used",
          "server:" + registered.name(),
          caller.address(),
          Map.of(
              "server_id",
              registered.serverId().toString(),
              "project_id",
              registered.projectId().toString()));
      return Response.status(201).entity(registered).build();
    } catch (ApiException | Refusal refused) {
      audit.record(
          "registration_refused",
          "server:" + body.name(),
          caller.address(),
          Map.of("reason", refused.getMessage()));
      throw refused;
    }
  }
}
