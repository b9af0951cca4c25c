package io.llmgateway.jobs;

import com.squareup.moshi.JsonAdapter;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.http.HeaderLookup;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Sends one attempt of a Retrofit call and turns the answer into a value or a typed error: the
 * attempt's timeout goes on the call, rate-limit headers go to the throttle, error statuses go to
 * the classifier, and bodies that do not parse become {@link UnexpectedResponseException}.
 */
final class JobsTransport {
  private final ErrorClassifier classifier;
  private final Clock clock;

  JobsTransport(ErrorClassifier classifier, Clock clock) {
    this.classifier = classifier;
    this.clock = clock;
  }

  <T> T send(AttemptContext ctx, Function<String, Call<ResponseBody>> request, Class<T> type) {
    Call<ResponseBody> call = request.apply(ctx.requestId());
    call.timeout().timeout(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS);
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw classifier.classify(Provider.SAAS_LITELLM, e);
    } catch (RuntimeException e) {
      throw classifier.classify(Provider.SAAS_LITELLM, e);
    }
    okhttp3.Response raw = response.raw();
    if (!response.isSuccessful()) {
      // Retrofit has consumed the raw body into errorBody(); hand the classifier that one.
      throw classifier.classify(
          Provider.SAAS_LITELLM, raw.newBuilder().body(response.errorBody()).build());
    }
    RateLimitSnapshot snapshot =
        RateLimitSnapshot.parse(HeaderLookup.of(raw.headers()), clock.instant());
    if (!snapshot.isEmpty()) {
      ctx.observe(snapshot);
    }
    return parse(response.body(), type, raw.code());
  }

  static <T> T parse(ResponseBody body, Class<T> type, int status) {
    String text = "";
    try (ResponseBody b = body) {
      text = b == null ? "" : b.string();
      JsonAdapter<T> adapter = JsonAdapters.MOSHI.adapter(type);
      T value = adapter.fromJson(text);
      if (value == null) {
        throw new IOException("empty body");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof LlmGatewayException) {
        throw (LlmGatewayException) e;
      }
      ErrorDetails details =
          ErrorDetails.builder(Provider.SAAS_LITELLM).status(status).rawBody(text).build();
      throw new UnexpectedResponseException(
          "HTTP "
              + status
              + " answer is not a "
              + type.getSimpleName()
              + " [saas-litellm]: "
              + e.getMessage(),
          details,
          e);
    }
  }
}
