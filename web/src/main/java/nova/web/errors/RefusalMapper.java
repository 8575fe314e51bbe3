package nova.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import nova.workflows.failures.NameTaken;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.NotPermitted;
import nova.workflows.failures.RateLimited;
import nova.workflows.failures.Refusal;
import nova.workflows.failures.TransitionRefused;
import nova.workflows.failures.Unavailable;
import nova.workflows.failures.UnknownModel;

/**
 * One kind of domain refusal as an HTTP answer: its status, the refusal's sentence and detail, and
 * Retry-After when waiting helps. The pages answer a refusal with the same status.
 */
public abstract class RefusalMapper<E extends Refusal> implements ExceptionMapper<E> {
  final Class<E> kind;
  private final int status;

  RefusalMapper(Class<E> kind, int status) {
    this.kind = kind;
    this.status = status;
  }

  /** Every kind's mapper, registered with Jersey. */
  public static List<RefusalMapper<?>> all() {
    return List.of(
        new NotFoundMapper(),
        new NameTakenMapper(),
        new TransitionRefusedMapper(),
        new NotPermittedMapper(),
        new RateLimitedMapper(),
        new UnknownModelMapper(),
        new UnavailableMapper());
  }

  /** The status the refusal's kind answers with. */
  public static int statusOf(Refusal refusal) {
    return all().stream()
        .filter(m -> m.kind.isInstance(refusal))
        .findFirst()
        .map(m -> m.status)
        .orElseThrow(() -> new IllegalStateException("no mapper for " + refusal.getClass()));
  }

  @Override
  public Response toResponse(E refusal) {
    Response response = ErrorBody.response(status, refusal.getMessage(), refusal.detail());
    refusal
        .retryAfter()
        .ifPresent(
            wait -> response.getHeaders().putSingle("Retry-After", RetryAfter.seconds(wait)));
    return response;
  }

  static final class NotFoundMapper extends RefusalMapper<NotFound> {
    NotFoundMapper() {
      super(NotFound.class, 404);
    }
  }

  static final class NameTakenMapper extends RefusalMapper<NameTaken> {
    NameTakenMapper() {
      super(NameTaken.class, 409);
    }
  }

  static final class TransitionRefusedMapper extends RefusalMapper<TransitionRefused> {
    TransitionRefusedMapper() {
      super(TransitionRefused.class, 409);
    }
  }

  static final class NotPermittedMapper extends RefusalMapper<NotPermitted> {
    NotPermittedMapper() {
      super(NotPermitted.class, 403);
    }
  }

  static final class RateLimitedMapper extends RefusalMapper<RateLimited> {
    RateLimitedMapper() {
      super(RateLimited.class, 429);
    }
  }

  /** 404 as OpenAI answers an unknown model, so its SDKs raise NotFoundError. */
  static final class UnknownModelMapper extends RefusalMapper<UnknownModel> {
    UnknownModelMapper() {
      super(UnknownModel.class, 404);
    }
  }

  static final class UnavailableMapper extends RefusalMapper<Unavailable> {
    UnavailableMapper() {
      super(Unavailable.class, 503);
    }
  }
}
