package nova.activities.llm.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nova.activities.llm.ChatResult;
import nova.activities.llm.Embeddings;
import nova.activities.llm.ProviderFailure;
import nova.activities.llm.Usage;

/**
 * Every model call Nova makes goes through here: the requested names resolve to a chain of routes,
 * and each route is tried in turn. A route is skipped while its provider's circuit is open or
 * Nova's limit for it is spent; a transient failure (429, 5xx, timeout, lost connection, cut-off
 * stream) moves on to the next; a refusal of the request itself ends the call with the provider's
 * status and words. A stream can move on only until its first token has gone out.
 */
final class Gateway {
  private final LiveCatalog catalog;
  private final Breakers breakers;
  private final RateLimiter limits;
  private final UsageLog usage;

  Gateway(LiveCatalog catalog, Breakers breakers, RateLimiter limits, UsageLog usage) {
    this.catalog = catalog;
    this.breakers = breakers;
    this.limits = limits;
    this.usage = usage;
  }

  Catalog catalog() {
    return catalog.current();
  }

  Breakers breakers() {
    return breakers;
  }

  GatewayAnswer complete(GatewayCall call) {
    return run(call, false, (route, body, started) -> route.client().complete(body));
  }

  GatewayAnswer stream(GatewayCall call, RouteStream sink) {
    return run(
        call,
        true,
        (route, body, started) ->
            route.client().stream(
                body,
                delta -> {
                  if (!carriesAnswer(delta))
                    return; // OpenAI's opening {"role": "assistant", "content": ""}: nothing said
                  // yet
                  started[0] = true;
                  sink.delta(route, delta);
                }));
  }

  Embeddings embed(String model, List<String> input, String caller) {
    Route route = catalog.current().resolve(model).getFirst();
    long t0 = System.nanoTime();
    try {
      Embeddings answer = route.client().embed(route.model().id(), input);
      record(
          new GatewayCall(null, List.of(model), caller, null),
          route,
          "ok",
          200,
          false,
          new Usage(answer.inputTokens(), 0),
          t0);
      return answer;
    } catch (ProviderFailure f) {
      record(
          new GatewayCall(null, List.of(model), caller, null),
          route,
          outcome(f),
          status(f),
          false,
          Usage.NONE,
          t0);
      throw f.kind().transientFailure()
          ? GatewayFailure.exhausted(List.of(attempt(route, f)))
          : GatewayFailure.refused(f, List.of());
    }
  }

  private interface ProviderCall {
    ChatResult call(Route route, ObjectNode body, boolean[] started);
  }

  private GatewayAnswer run(GatewayCall call, boolean streamed, ProviderCall providerCall) {
    List<Route> chain = catalog.current().chain(call.models());
    List<Attempt> attempts = new ArrayList<>();
    for (Route route : chain) {
      Optional<Attempt> skipped = admit(route);
      if (skipped.isPresent()) {
        attempts.add(skipped.get());
        continue;
      }
      ObjectNode body = call.body().deepCopy().put("model", route.model().id());
      boolean[] started = {false};
      long t0 = System.nanoTime();
      try {
        ChatResult result = providerCall.call(route, body, started);
        breakers.done(route.provider().name(), System.nanoTime() - t0, null);
        record(call, route, "ok", 200, streamed, result.usage(), t0);
        return new GatewayAnswer(route, result, attempts);
      } catch (ProviderFailure f) {
        breakers.done(route.provider().name(), System.nanoTime() - t0, f);
        record(call, route, outcome(f), status(f), streamed, Usage.NONE, t0);
        if (!f.kind().transientFailure()) throw GatewayFailure.refused(f, attempts);
        if (started[0]) throw GatewayFailure.midStream(route, f, attempts);
        attempts.add(attempt(route, f));
      } catch (RuntimeException callerGone) {
        breakers.abandoned(route.provider().name());
        record(call, route, "cancelled", 499, streamed, Usage.NONE, t0);
        throw callerGone;
      }
    }
    throw GatewayFailure.exhausted(attempts);
  }

  private static boolean carriesAnswer(ObjectNode delta) {
    return !delta.path("content").asText("").isEmpty()
        || delta.has("tool_calls")
        || delta.has("function_call")
        || delta.has("refusal") && !delta.get("refusal").isNull();
  }

  private Optional<Attempt> admit(Route route) {
    String provider = route.provider().name();
    Instant now = Instant.now();
    Optional<String> refusal = breakers.refusal(provider, now);
    if (refusal.isPresent()) {
      Duration wait =
          breakers
              .until(provider)
              .map(until -> Duration.between(now, until))
              .filter(d -> !d.isNegative())
              .orElse(Duration.ofSeconds(1));
      return Optional.of(new Attempt(route.name(), "circuit_open", 503, refusal.get(), wait));
    }
    Integer rpm = route.provider().rpm();
    if (rpm == null) return Optional.empty();
    Optional<Duration> wait = limits.take("provider:" + provider, rpm);
    if (wait.isEmpty()) return Optional.empty();
    breakers.abandoned(provider);
    return Optional.of(
        new Attempt(
            route.name(),
            "rate_limited",
            429,
            "Nova's limit of " + rpm + " requests a minute to " + provider + " is spent",
            wait.get()));
  }

  private void record(
      GatewayCall call,
      Route route,
      String outcome,
      int status,
      boolean streamed,
      Usage used,
      long t0) {
    BigDecimal cost = route.model().cost(used);
    usage.record(
        new UsageRow(
            UUID.randomUUID(),
            Instant.now(),
            route.provider().name(),
            route.model().id(),
            route.requested(),
            call.agentId(),
            call.caller(),
            outcome,
            status,
            streamed,
            used.inputTokens(),
            used.outputTokens(),
            (int) ((System.nanoTime() - t0) / 1_000_000),
            cost));
  }

  private static Attempt attempt(Route route, ProviderFailure f) {
    return new Attempt(
        route.name(), outcome(f), status(f), f.getMessage(), f.retryAfter().orElse(null));
  }

  private static String outcome(ProviderFailure f) {
    return f.kind().name().toLowerCase(Locale.ROOT);
  }

  private static int status(ProviderFailure f) {
    if (f.status() > 0) return f.status();
    return f.kind() == ProviderFailure.Kind.TIMEOUT ? 504 : 502;
  }
}
