package nova.activities.llm.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives each delta of a streamed call with the route it came from: a stream that moved on says
 * so in its first delta's route.
 */
@FunctionalInterface
public interface RouteStream {
  void delta(Route route, ObjectNode delta);
}
