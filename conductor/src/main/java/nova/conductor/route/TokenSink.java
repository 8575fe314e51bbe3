package nova.conductor.route;

import java.io.IOException;
import nova.conductor.wire.Body;

/**
 * Where a request's tokens go: an HTTP stream or a buffer. An IOException means the client is gone.
 */
public interface TokenSink {
  void token(String text) throws IOException;

  void done(Body.Done done) throws IOException;
}
