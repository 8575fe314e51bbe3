package nova.web.ui;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.errors.Outage;
import nova.web.errors.RefusalMapper;
import nova.web.errors.RetryAfter;
import nova.workflows.failures.Refusal;

/** Answers for the admin app: pages, parts, redirects, and refusals as a readable flash message. */
public final class Html {
  private final Templates templates;

  public Html(Templates templates) {
    this.templates = templates;
  }

  public Response page(String template, Map<String, Object> params) {
    return Response.ok(templates.render(template, params), MediaType.TEXT_HTML_TYPE).build();
  }

  public String render(String template, Map<String, Object> params) {
    return templates.render(template, params);
  }

  /**
   * Runs a page or part; an anonymous caller goes to the login page, and a refused request shows
   * its message in the page's flash element instead of replacing the part.
   */
  public Response guarded(Caller caller, boolean partial, Supplier<Response> body) {
    if (caller.anonymous()) {
      return partial
          ? Response.status(401).header("HX-Redirect", Routes.LOGIN).build()
          : Response.seeOther(URI.create(Routes.LOGIN)).build();
    }
    try {
      // AuthFilter already keeps agent keys off every page; a page must not depend on that alone.
      caller.requireHuman();
      return body.get();
    } catch (ApiException refused) {
      return flash(refused.status(), refused.getMessage(), Optional.empty());
    } catch (Refusal refused) {
      return flash(refused);
    } catch (RuntimeException failed) {
      return flash(Outage.partOf(failed).map(Outage::unavailable).orElseThrow(() -> failed));
    }
  }

  private Response flash(Refusal refused) {
    return flash(RefusalMapper.statusOf(refused), refused.getMessage(), refused.retryAfter());
  }

  private Response flash(int status, String message, Optional<Duration> retryAfter) {
    Response.ResponseBuilder answer =
        Response.status(status)
            .type(MediaType.TEXT_HTML_TYPE)
            .header("HX-Retarget", "#" + Ids.FLASH)
            .header("HX-Reswap", "innerHTML")
            .entity(
                templates.render(
                    "shared/part/flash.jte", Map.of("message", message, "error", true)));
    retryAfter.ifPresent(wait -> answer.header("Retry-After", RetryAfter.seconds(wait)));
    return answer.build();
  }

  /**
   * An admin's change from a page, answered (guarded as above) with the part it changed, as it now
   * stands.
   */
  public Response changed(
      Caller caller,
      Consumer<Caller> change,
      String part,
      Function<Caller, Map<String, Object>> params) {
    return guarded(
        caller,
        true,
        () -> {
          change.accept(caller);
          return page(part, params.apply(caller));
        });
  }

  /** A form's one field for a list of names ("a, b c"): commas or spaces between them. */
  public static List<String> names(String field) {
    return field == null
        ? List.of()
        : Arrays.stream(field.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
