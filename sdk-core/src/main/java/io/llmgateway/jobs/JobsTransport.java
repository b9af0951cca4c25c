package io.llmgateway.jobs;

import com.squareup.moshi.JsonAdapter;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.Provider;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.http.HeaderLookup;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Clock;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns one attempt's answer into a value or a typed error: rate-limit headers go to the throttle,
 * error statuses to the classifier, and bodies that do not parse become {@link
 * UnexpectedResponseException}.
 */
final class JobsTransport {
  private final ErrorClassifier classifier;
  private final Clock clock;

  JobsTransport(ErrorClassifier classifier, Clock clock) {
    this.classifier = classifier;
    this.clock = clock;
  }

  <T> T handle(Response response, AttemptContext ctx, Type type) {
    if (!response.isSuccessful()) {
      throw classifier.classify(Provider.SAAS_LITELLM, response);
    }
    RateLimitSnapshot snapshot =
        RateLimitSnapshot.parse(HeaderLookup.of(response.headers()), clock.instant());
    if (!snapshot.isEmpty()) {
      ctx.observe(snapshot);
    }
    try (ResponseBody body = response.body()) {
      String text;
      try {
        text = body == null ? "" : body.string();
      } catch (IOException e) {
        throw classifier.classify(Provider.SAAS_LITELLM, e);
      }
      return parse(text, type, response.code());
    }
  }

  static <T> T parse(String text, Type type, int status) {
    try {
      JsonAdapter<T> adapter = JsonAdapters.MOSHI.adapter(type);
      T value = adapter.fromJson(text);
      if (value == null) {
        throw new IOException("empty body");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      ErrorDetails details =
          ErrorDetails.builder(Provider.SAAS_LITELLM).status(status).rawBody(text).build();
      throw new UnexpectedResponseException(
          "HTTP "
              + status
              + " answer is not a "
              + simpleName(type)
              + " [saas-litellm]: "
              + e.getMessage(),
          details,
          e);
    }
  }

  // "ModelAlias", "List<ModelAlias>": short enough for a message.
  private static String simpleName(Type type) {
    if (type instanceof Class) {
      return ((Class<?>) type).getSimpleName();
    }
    return type.toString().replaceAll("[\\w$]+\\.", ""); // getTypeName() is not on Android 24
  }
}
