package io.llmgateway.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.StreamErrorEventException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the OpenAI SDK's exceptions into sdk-core's taxonomy: the error the drop-in pipeline
 * classified when there is one, else sdk-core's one classifier over what the SDK parsed.
 */
public final class ErrorTranslator {
  private final Provider provider;
  private final ErrorClassifier classifier;

  public ErrorTranslator(Provider provider, ErrorClassifier classifier) {
    this.provider = provider;
    this.classifier = classifier;
  }

  public Provider provider() {
    return provider;
  }

  public ErrorClassifier classifier() {
    return classifier;
  }

  /**
   * The typed error for an exception of the drop-in client: the one the pipeline classified and
   * kept ({@code kept}, or carried in the cause chain), else one made from what the SDK parsed.
   *
   * @throws RuntimeException {@code e} itself when it is not a gateway error (a bug of the
   *     caller's)
   */
  public LlmGatewayException translate(RuntimeException e, @Nullable LlmGatewayException kept) {
    if (e instanceof LlmGatewayException) {
      return (LlmGatewayException) e;
    }
    LlmGatewayException carried = TypedIOException.find(e);
    if (carried != null) {
      return carried;
    }
    if (kept != null) {
      return kept;
    }
    if (e instanceof SseException) {
      return streamEvent((SseException) e, "", 0); // what arrived before it is unknown
    }
    if (e instanceof OpenAIServiceException) {
      OpenAIServiceException s = (OpenAIServiceException) e;
      return classifier.classify(
          provider,
          s.statusCode(),
          headerMap(s.headers()),
          envelope(s).getBytes(StandardCharsets.UTF_8),
          "application/json");
    }
    if (e instanceof OpenAIIoException && e.getCause() != null) {
      return classifier.classify(provider, e.getCause());
    }
    if (e instanceof OpenAIException) {
      return classifier.classify(provider, e);
    }
    throw e; // a bug of ours or the caller's: not a gateway error, not retried
  }

  /** The typed error for an error event inside a 200 stream, keeping the text that came before. */
  public StreamErrorEventException streamEvent(SseException e, String partialText, int chunks) {
    return classifier.classifyStreamEvent(provider, eventPayload(e), partialText, chunks);
  }

  /** An error event as the JSON payload it came in: {@code {"error": ...}}. */
  public static String eventPayload(SseException e) {
    try {
      return "{\"error\":" + ObjectMappers.jsonMapper().writeValueAsString(e.body()) + "}";
    } catch (JsonProcessingException | RuntimeException ignored) {
      return "{\"error\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}";
    }
  }

  /** The SDK keeps only the inner error object: wrap it back into {@code {"error": {...}}}. */
  private static String envelope(OpenAIServiceException s) {
    try {
      return "{\"error\":" + ObjectMappers.jsonMapper().writeValueAsString(s.body()) + "}";
    } catch (JsonProcessingException | RuntimeException e) {
      return "";
    }
  }

  private static Map<String, List<String>> headerMap(com.openai.core.http.Headers headers) {
    Map<String, List<String>> map = new HashMap<>();
    for (String name : headers.names()) {
      map.put(name, headers.values(name));
    }
    return map;
  }
}
