package nova.web.live;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nova.web.auth.Caller;

/** GET /events: the live stream of task events that open pages listen to. */
@Path("/events")
public class EventsResource {
  private final TaskEventHub hub;

  public EventsResource(TaskEventHub hub) {
    this.hub = hub;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@Context ContainerRequestContext request, @Context SseEventSink sink, @Context Sse sse) {
    Caller.of(request).requireHuman();
    hub.join(sink, sse);
  }
}
