package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.Req;
import io.llmgateway.testing.internal.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * Routes SaaS LiteLLM requests to their endpoints, like FastAPI: an unknown path is a 404 {@code
 * Not Found}, a known path with another method a 405.
 */
public final class SaasPersonality {
  private record Route(
      String method,
      String[] segments,
      BiFunction<SaasContext, List<String>, MockResponse> handler) {}

  private final List<Route> routes = new ArrayList<>();

  public SaasPersonality() {
    add("GET", "/health", (c, p) -> TeamEndpoints.health());
    add("POST", "/api/jobs/create", (c, p) -> JobEndpoints.create(c));
    add("POST", "/api/jobs/create-and-call", (c, p) -> CallEndpoints.createAndCall(c));
    add(
        "POST",
        "/api/jobs/create-and-call-stream",
        (c, p) -> StreamEndpoints.createAndCallStream(c));
    add("GET", "/api/jobs/*", (c, p) -> JobEndpoints.get(c, p.get(0)));
    add("PATCH", "/api/jobs/*/metadata", (c, p) -> JobEndpoints.patchMetadata(c, p.get(0)));
    add("POST", "/api/jobs/*/llm-call", (c, p) -> CallEndpoints.llmCall(c, p.get(0)));
    add(
        "POST",
        "/api/jobs/*/llm-call-stream",
        (c, p) -> StreamEndpoints.llmCallStream(c, p.get(0)));
    add("POST", "/api/jobs/*/complete", (c, p) -> JobEndpoints.complete(c, p.get(0)));
    add("GET", "/api/jobs/*/costs", (c, p) -> JobEndpoints.costs(c, p.get(0)));
    add("GET", "/api/teams/*/jobs", (c, p) -> JobEndpoints.listForTeam(c, p.get(0)));
    add("GET", "/api/teams/*/usage", (c, p) -> TeamEndpoints.usage(c, p.get(0)));
    add("GET", "/api/teams/*", (c, p) -> TeamEndpoints.team(c, p.get(0)));
    add("GET", "/api/credits/teams/*/balance", (c, p) -> TeamEndpoints.balance(c, p.get(0)));
    add(
        "GET",
        "/api/credits/teams/*/transactions",
        (c, p) -> TeamEndpoints.transactions(c, p.get(0)));
    add("POST", "/api/credits/teams/*/check", (c, p) -> TeamEndpoints.check(c, p.get(0)));
    add("GET", "/api/models", (c, p) -> ModelEndpoints.list(c));
    add("GET", "/api/models/*", (c, p) -> ModelEndpoints.get(c, p.get(0)));
    add(
        "GET",
        "/api/model-groups/*/resolve",
        (c, p) -> TeamEndpoints.resolveModelGroup(c, p.get(0)));
  }

  private void add(
      String method, String pattern, BiFunction<SaasContext, List<String>, MockResponse> handler) {
    routes.add(new Route(method, pattern.substring(1).split("/"), handler));
  }

  /** Whether this personality owns the path (so unknown paths elsewhere are someone else's). */
  public boolean owns(String path) {
    return path.equals("/health") || path.startsWith("/api/");
  }

  /** Handles one request; call with the store's monitor held. */
  public MockResponse handle(Store store, Req req) {
    SaasContext ctx = new SaasContext(store, req);
    MockResponse response;
    try {
      response = route(ctx);
    } catch (HttpError e) {
      response = e.response();
    }
    if (ctx.documented && ctx.team != null) {
      SaasAuth.rateHeaders(ctx.team, store.now()).forEach(response::setHeader);
    }
    return response.setHeader("server", "uvicorn");
  }

  private MockResponse route(SaasContext ctx) {
    String[] segments = ctx.req.path.substring(1).split("/", -1);
    StringBuilder allowed = new StringBuilder();
    for (Route route : routes) {
      List<String> params = match(route.segments(), segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(ctx.req.method)) {
        return route.handler().apply(ctx, params);
      }
      allowed.append(allowed.length() == 0 ? "" : ", ").append(route.method());
    }
    if (allowed.length() == 0) {
      throw SaasErrors.detail(404, "Not Found");
    }
    // Starlette names the path's methods in an Allow header on its 405.
    HttpError notAllowed = SaasErrors.detail(405, "Method Not Allowed");
    notAllowed.response().setHeader("allow", allowed.toString());
    throw notAllowed;
  }

  private static @Nullable List<String> match(String[] pattern, String[] segments) {
    if (pattern.length != segments.length) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].equals("*")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        params.add(segments[i]);
      } else if (!pattern[i].equals(segments[i])) {
        return null;
      }
    }
    return params;
  }
}
