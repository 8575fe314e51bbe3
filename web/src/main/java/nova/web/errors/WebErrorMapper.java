package nova.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey's own refusals (unknown path, wrong method or media type), a part that is down (503), and
 * anything unexpected, as JSON.
 */
public class WebErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(WebErrorMapper.class);
  @Context private Request request;

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof ParamException.PathParamException param) {
      String why = param.getCause() == null ? "malformed" : param.getCause().getMessage();
      return ErrorBody.response(
          404,
          "no such resource: path parameter '"
              + param.getParameterName()
              + "' is not valid ("
              + why
              + ")",
          Map.of());
    }
    if (e instanceof WebApplicationException web) {
      Response r = web.getResponse();
      if (r.getStatus() == 302 || r.getStatus() == 303) return r;
      String message =
          switch (r.getStatus()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "this resource answers with JSON or HTML only";
            case 415 -> "unsupported content type: send application/json";
            default -> web.getMessage();
          };
      return ErrorBody.response(r.getStatus(), message, Map.of());
    }
    var outage = Outage.partOf(e);
    if (outage.isPresent()) {
      LOG.warn("answered 503: {} is not answering ({})", outage.get(), e.toString());
      // A change that failed on a part before any workflow took it was not applied: repeating it is
      // safe.
      Map<String, Object> detail =
          request != null && !"GET".equals(request.getMethod())
              ? Map.of("accepted", false)
              : Map.of();
      return new RefusalMapper.UnavailableMapper()
          .toResponse(
              Outage.unavailable(outage.get(), "Nova cannot answer this request now", detail));
    }
    LOG.error("unexpected failure", e);
    return ErrorBody.response(500, "internal error; the server log has the details", Map.of());
  }
}
