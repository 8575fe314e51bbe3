package nova.web.live;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nova.web.auth.AuthFilter;
import nova.web.auth.Caller;
import nova.web.ui.Routes;

/**
 * GET /events: the live stream of task events that open pages listen to, resumed from
 * Last-Event-ID.
 */
@Path(Routes.EVENTS)
public class EventsResource {
  private final TaskEventHub hub;

  public EventsResource(TaskEventHub hub) {
    this.hub = hub;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @Context Caller caller,
      @Context ContainerRequestContext request,
      @Context SseEventSink sink,
      @Context Sse sse,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("last_event_id") String lastSeen) {
    caller.requireHuman();
    // A browser's own reconnect sends the header; the page's script, starting a new stream after a
    // refusal, the query.
    hub.join(
        sink, sse, lastEventId != null ? lastEventId : lastSeen, AuthFilter.credential(request));
  }
}
