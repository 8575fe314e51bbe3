package nova.web.auth;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.function.Supplier;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Lets a resource method take the request's caller as a parameter, {@code @Context Caller caller}:
 * the one AuthFilter found, or the anonymous caller.
 */
public final class CallerBinder extends AbstractBinder {
  @Override
  protected void configure() {
    bindFactory(FromRequest.class).to(Caller.class).in(RequestScoped.class);
  }

  static final class FromRequest implements Supplier<Caller> {
    private final Provider<ContainerRequest> request;

    @Inject
    FromRequest(Provider<ContainerRequest> request) {
      this.request = request;
    }

    @Override
    public Caller get() {
      return Caller.of(request.get());
    }
  }
}
