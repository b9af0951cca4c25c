package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.wire.Responses;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/**
 * {@code verify_virtual_key}: the checks of spec section 2 in order, with the server's texts in
 * real-server mode and the guide's texts in documented mode (plus the guide's per-team limits).
 * Suspended and paused teams get the server's 403 in both modes: the guide shows no text of its own
 * for them.
 */
final class SaasAuth {
  static final String EXPECTED = " Expected: 'Authorization: Bearer sk-xxx...'";
  static final String DOCUMENTED_401 = "Invalid or missing API key";

  private SaasAuth() {}

  static TeamState authenticate(SaasContext ctx) {
    String header = ctx.req.header("Authorization");
    if (header == null) {
      throw unauthorized(ctx, "Missing Authorization header." + EXPECTED);
    }
    String[] parts = header.trim().split("\\s+");
    if (header.trim().isEmpty() || parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
      throw unauthorized(ctx, "Invalid Authorization header format." + EXPECTED);
    }
    TeamState team = ctx.store.teamByKey(parts[1]);
    if (team == null) {
      throw unauthorized(ctx, "Invalid API key");
    }
    if (!"active".equals(team.status)) {
      throw SaasErrors.detail(403, "Team access is " + team.status + ". Please contact support.");
    }
    if (ctx.documented) {
      enforceRateLimit(ctx, team);
    }
    return team;
  }

  private static HttpError unauthorized(SaasContext ctx, String realText) {
    return SaasErrors.detail(401, ctx.documented ? DOCUMENTED_401 : realText);
  }

  /** The guide's per-team RPM/TPM: a fixed window on the injected clock. */
  private static void enforceRateLimit(SaasContext ctx, TeamState team) {
    Instant now = ctx.now();
    if (team.window.requests(now) >= team.rpm || team.window.tokens(now) >= team.tpm) {
      MockResponse response = Responses.json(429, Map.of("detail", "Rate limit exceeded"));
      long seconds =
          Math.max(1, (team.window.resetsAt(now).toEpochMilli() - now.toEpochMilli() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      rateHeaders(team, now).forEach(response::setHeader);
      throw new HttpError(response);
    }
    team.window.addRequest(now);
  }

  /** The five {@code X-RateLimit-*} headers for a team's current window. */
  static Map<String, String> rateHeaders(TeamState team, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit-Requests", Integer.toString(team.rpm));
    headers.put(
        "X-RateLimit-Remaining-Requests",
        Long.toString(Math.max(0, team.rpm - team.window.requests(now))));
    headers.put("X-RateLimit-Reset-Requests", team.window.resetsAtSecond(now).toString());
    headers.put("X-RateLimit-Limit-Tokens", Integer.toString(team.tpm));
    headers.put(
        "X-RateLimit-Remaining-Tokens",
        Long.toString(Math.max(0, team.tpm - team.window.tokens(now))));
    return headers;
  }
}
