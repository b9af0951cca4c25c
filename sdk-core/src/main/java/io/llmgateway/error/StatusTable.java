package io.llmgateway.error;

import io.llmgateway.error.AuthenticationException.Reason;
import io.llmgateway.error.InternalServerException.UpstreamCause;
import io.llmgateway.error.NotFoundException.Resource;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from (status, body) to exception type, for both wire formats. The README's error
 * table documents exactly these rows; keep them in step.
 */
final class StatusTable {
  private static final Pattern INVALID_MODEL =
      Pattern.compile("(?i)invalid model '([^']*)' specified");

  private StatusTable() {}

  static LlmGatewayException classify(int status, ErrorBody body, ErrorDetails details) {
    String text = searchText(body);
    if (status >= 400 && status < 600 && isInsufficientFunds(body, text)) {
      return new InsufficientCreditsException(
          Messages.http(status, "insufficient credits or balance", details), details);
    }
    switch (status) {
      case 400:
        return badRequest(body, details);
      case 401:
        return authentication(text, details);
      case 403:
        return forbidden(text, details);
      case 404:
        return new NotFoundException(
            Messages.http(status, "not found", details), details, notFound(text));
      case 422:
        return new ValidationException(
            Messages.http(status, "validation failed", details), details);
      case 429:
        if (text.contains("paused")) {
          // Some SaaS LiteLLM docs answer a paused team with 429; the server says 403.
          return new TeamPausedException(Messages.http(status, "team paused", details), details);
        }
        return new RateLimitedException(Messages.http(status, "rate limited", details), details);
      case 500:
        UpstreamCause cause = UpstreamCauses.read(text);
        return new InternalServerException(
            Messages.http(status, "internal server error", details), details, cause);
      case 503:
        return new ServiceUnavailableException(
            Messages.http(status, "service unavailable", details), details);
      default:
        if (status > 500 && status < 600) {
          return new OtherServerException(Messages.http(status, "server error", details), details);
        }
        if (status > 400 && status < 500) {
          return new BadRequestException(Messages.http(status, "client error", details), details);
        }
        return new UnexpectedResponseException(
            Messages.http(status, "unexpected response", details), details, null);
    }
  }

  private static String searchText(ErrorBody body) {
    StringBuilder all = new StringBuilder(body.message);
    if (body.type != null) {
      all.append(' ').append(body.type);
    }
    if (body.code != null) {
      all.append(' ').append(body.code);
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isInsufficientFunds(ErrorBody body, String text) {
    if ("insufficient_balance".equals(body.code)
        || "insufficient_quota".equals(body.code)
        || "insufficient_quota".equals(body.type)
        || "insufficient_balance".equals(body.type)) {
      return true;
    }
    // The SaaS guide's own 403 text, "Team suspended or insufficient credits", lands here too:
    // the guide's handler treats any credit mention as a credits problem.
    return text.contains("insufficient credits")
        || text.contains("insufficient account balance")
        || text.contains("insufficient balance")
        || text.contains("out of credits");
  }

  private static BadRequestException badRequest(ErrorBody body, ErrorDetails details) {
    Matcher m = INVALID_MODEL.matcher(body.message);
    boolean named = m.find();
    boolean byCode = "model_not_found".equals(body.code) || "invalid_model".equals(body.code);
    if (named || byCode) {
      String model = named ? m.group(1) : "";
      return new InvalidModelException(
          Messages.http(400, "invalid model", details), details, model, List.of());
    }
    return new BadRequestException(Messages.http(400, "bad request", details), details);
  }

  private static AuthenticationException authentication(String text, ErrorDetails details) {
    Reason reason;
    if (text.contains("invalid or missing api key")) {
      // The SaaS guide's catch-all text: most often a wrong key, not an absent one.
      reason = Reason.INVALID_KEY;
    } else if (text.contains("missing authorization") || text.contains("missing api key")) {
      reason = Reason.MISSING_HEADER;
    } else if (text.contains("authorization header format")) {
      reason = Reason.MALFORMED_HEADER;
    } else if (text.contains("x-admin-key")) {
      // SaaS LiteLLM's admin routes: "Authentication required. Provide either ... or 'X-Admin-Key'"
      reason = Reason.ADMIN_REQUIRED;
    } else if (text.contains("expired")) {
      reason = Reason.EXPIRED_KEY;
    } else if (text.contains("invalid api key") || text.contains("invalid_api_key")) {
      reason = Reason.INVALID_KEY;
    } else {
      reason = Reason.UNKNOWN;
    }
    String label = "authentication failed";
    if (details.provider() == Provider.HIVEOPS) {
      label += " (HiveOps keys expire after 90 days: check the key or create a new one)";
    }
    return new AuthenticationException(Messages.http(401, label, details), details, reason);
  }

  private static PermissionDeniedException forbidden(String text, ErrorDetails details) {
    if (text.contains("team access is suspended") || text.contains("team suspended")) {
      return new TeamSuspendedException(Messages.http(403, "team suspended", details), details);
    }
    if (text.contains("team access is paused") || text.contains("team paused")) {
      return new TeamPausedException(Messages.http(403, "team paused", details), details);
    }
    if (text.contains("does not have access to model")
        || text.contains("not found or inactive")
        || text.contains("no active models configured")) {
      return new ModelAccessDeniedException(
          Messages.http(403, "model access denied", details), details);
    }
    return new PermissionDeniedException(Messages.http(403, "permission denied", details), details);
  }

  private static Resource notFound(String text) {
    if (text.startsWith("job ") || text.contains("job not found")) {
      return Resource.JOB;
    }
    if (text.startsWith("team ")) {
      return Resource.TEAM;
    }
    if (text.startsWith("model ") || text.contains("model_not_found")) {
      return Resource.MODEL;
    }
    return Resource.OTHER;
  }
}
