package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.GatewayOptions;
import io.llmgateway.testing.internal.PyJsonError;
import io.llmgateway.testing.internal.Req;
import io.llmgateway.testing.internal.Store;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.wire.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SaaS request on its way through the server's check order: body parsed (malformed JSON is a
 * 422 before auth), then auth, then validation, then the handler.
 */
final class SaasContext {
  final Store store;
  final GatewayOptions options;
  final Req req;
  final boolean documented;
  private @Nullable Object body;
  private boolean bodyPresent;
  @Nullable TeamState team;

  SaasContext(Store store, Req req) {
    this.store = store;
    this.options = store.options;
    this.req = req;
    this.documented = options.documented();
  }

  Instant now() {
    return store.now();
  }

  /** Step 1: parse the JSON body the way FastAPI does; an empty body counts as absent. */
  SaasContext parseBody() {
    if (req.body.isEmpty()) {
      return this;
    }
    PyJsonError error = PyJsonError.find(req.body);
    if (error != null) {
      throw SaasErrors.malformedJson(req.body, error.pos, error.msg, documented);
    }
    try {
      body = Json.parse(req.body);
      bodyPresent = true;
    } catch (Json.MalformedJsonException e) {
      throw SaasErrors.malformedJson(req.body, 0, "Expecting value", documented);
    }
    return this;
  }

  /** Step 2: the bearer-key check of spec section 2 (and, documented, the rate limit). */
  TeamState authenticate() {
    TeamState found = SaasAuth.authenticate(this);
    team = found;
    return found;
  }

  /** Step 3: validate the body against a request model; returns it as a map. */
  Map<?, ?> validate(List<Validation.Field> schema) {
    if (!bodyPresent) {
      throw SaasErrors.validation(List.of(Validation.missing(List.of("body"), null)), documented);
    }
    if (!(body instanceof Map<?, ?> map)) {
      Validation.Violation notObject =
          new Validation.Violation(
              List.of("body"),
              "model_attributes_type",
              "Input should be a valid dictionary or object to extract fields from",
              body,
              null,
              "type_error.dict",
              "value is not a valid dict",
              null);
      throw SaasErrors.validation(List.of(notObject), documented);
    }
    List<Validation.Violation> violations = Validation.check(map, schema);
    if (!violations.isEmpty()) {
      throw SaasErrors.validation(violations, documented);
    }
    return map;
  }

  /** A required query parameter, or a 422 like FastAPI's. */
  String requiredQuery(String name) {
    String value = req.queryParam(name);
    if (value == null) {
      throw SaasErrors.validation(
          List.of(Validation.missing(List.of("query", name), null)), documented);
    }
    return value;
  }

  long intQuery(String name, long fallback, boolean required) {
    String value = required ? requiredQuery(name) : req.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      Validation.Violation bad =
          new Validation.Violation(
              List.of("query", name),
              "int_parsing",
              "Input should be a valid integer, unable to parse string as an integer",
              value,
              null,
              "type_error.integer",
              "value is not a valid integer",
              null);
      throw SaasErrors.validation(List.of(bad), documented);
    }
  }

  TeamState team() {
    if (team == null) {
      throw new IllegalStateException("not authenticated");
    }
    return team;
  }

  /** A status as this mode writes it: UPPERCASE (server) or lowercase (docs). */
  String status(String canonical) {
    return documented ? canonical.toLowerCase(Locale.ROOT) : canonical;
  }

  /** Format B (GET job, credits) or A (create, complete, PATCH), or the docs' format. */
  @Nullable String time(@Nullable Instant instant, boolean formatB) {
    return Times.format(instant, documented, formatB);
  }
}
