package io.llmgateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmgateway.internal.http.HeaderLookup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the taxonomy reads from Java: catch blocks from specific to general, plain accessors. */
class ErrorHandlingFromJavaTest {
  private final ErrorClassifier classifier = ErrorClassifier.create();

  private void callThatFails(
      Provider provider, int status, String body, Map<String, String> headers) {
    Map<String, List<String>> multi = new java.util.HashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    throw classifier.classify(
        provider,
        status,
        HeaderLookup.of(multi),
        body.getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  @Test
  void catchesInsufficientBalanceBeforeTheGeneralCase() {
    String reaction;
    try {
      callThatFails(
          Provider.HIVEOPS,
          403,
          "{\"error\":{\"message\":\"Insufficient account balance. Please add funds to continue.\","
              + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_balance\"}}",
          Map.of());
      reaction = "sent";
    } catch (InsufficientCreditsException e) {
      assertFalse(e.isRetryable());
      assertEquals("insufficient_balance", e.code());
      assertEquals(Integer.valueOf(403), e.status());
      reaction = "add funds";
    } catch (LlmGatewayException e) {
      reaction = "other";
    }
    assertEquals("add funds", reaction);
  }

  @Test
  void readsRetryAfterAndRateLimitsFromARateLimitedError() {
    try {
      callThatFails(
          Provider.SAAS_LITELLM,
          429,
          "{\"detail\":\"Rate limit exceeded\"}",
          Map.of("Retry-After", "2", "X-RateLimit-Limit-Requests", "60"));
    } catch (RateLimitedException e) {
      assertTrue(e.isRetryable());
      assertEquals(Duration.ofSeconds(2), e.retryAfter());
      assertEquals(Long.valueOf(60), e.rateLimit().limitRequests());
      assertEquals(
          "HTTP 429 rate limited (retry after 2s) [saas-litellm]: Rate limit exceeded",
          e.getMessage());
      return;
    }
    throw new AssertionError("expected a RateLimitedException");
  }

  @Test
  void listsValidationFieldsTheWayTheGuidePrintsThem() {
    try {
      callThatFails(
          Provider.SAAS_LITELLM,
          422,
          "{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\","
              + "\"type\":\"value_error.missing\"}]}",
          Map.of());
    } catch (ValidationException e) {
      FieldError field = e.fieldErrors().get(0);
      assertEquals("body.messages", field.field());
      assertEquals("field required", field.message());
      return;
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void groupsServerErrorsUnderOneCatch() {
    for (int status : new int[] {500, 502, 503, 504}) {
      try {
        callThatFails(Provider.HIVEOPS, status, "", Map.of());
      } catch (ServerException e) {
        assertNotNull(e.getMessage());
        continue;
      }
      throw new AssertionError("expected a ServerException for " + status);
    }
  }
}
