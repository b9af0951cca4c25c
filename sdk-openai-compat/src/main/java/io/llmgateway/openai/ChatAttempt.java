package io.llmgateway.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.Provider;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.AttemptIo;
import io.llmgateway.internal.call.AttemptSpec;
import io.llmgateway.internal.http.RateLimitHeaders;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A facade chat attempt: the request from the SDK's params, the answer parsed into the SDK's own
 * {@link ChatCompletion} (checked: a 200 that is not a chat completion is an error), priced, with
 * its rate-limit headers.
 */
final class ChatAttempt implements AttemptSpec<ChatResult> {
  private static final ObjectMapper JSON = ObjectMappers.jsonMapper();

  private final HiveOpsRequests requests;
  private final ChatCompletionCreateParams params;
  private volatile @org.jspecify.annotations.Nullable RequestBody body;
  private final String model;
  private final Pricing pricing;

  ChatAttempt(
      HiveOpsRequests requests, ChatCompletionCreateParams params, String model, Pricing pricing) {
    this.requests = requests;
    this.params = params;
    this.model = model;
    this.pricing = pricing;
  }

  @Override
  public Request request(AttemptContext ctx) {
    RequestBody b = body;
    if (b == null) {
      // Written in the first attempt, where params the SDK cannot write fail like any error.
      b = requests.chatBody(params, false);
      body = b;
    }
    return requests.chat(ctx, params, b, false);
  }

  @Override
  public ChatResult answer(Response response, AttemptIo io) throws IOException {
    byte[] bytes = io.body().readByteArray();
    Provider provider = io.runtime().provider();
    ChatCompletion completion;
    try {
      completion = JSON.readValue(bytes, ChatCompletion.class);
      // What every chat completion has; the SDK's full validate() costs a walk of the whole tree.
      if (completion._choices().asKnown().isEmpty() || completion._id().asKnown().isEmpty()) {
        throw new OpenAIInvalidDataException("no id or choices");
      }
    } catch (IOException | OpenAIInvalidDataException e) {
      throw new UnexpectedResponseException(
          "HTTP "
              + response.code()
              + " answer is not a chat completion ["
              + provider.id()
              + "]: "
              + e.getMessage(),
          ErrorDetails.builder(provider)
              .status(response.code())
              .rawBody(new String(bytes, StandardCharsets.UTF_8))
              .build(),
          e);
    }
    AttemptContext ctx = io.context();
    String answered = completion.model().isEmpty() ? model : completion.model();
    TokenUsage usage = completion.usage().map(Pricing::usage).orElse(null);
    if (usage != null) {
      ctx.recordUsage(usage.totalTokens());
    }
    Cost cost = pricing.costOf(answered, usage);
    // As the facade's streams and the drop-in do: the listeners (metrics, tracing) see the usage.
    ctx.reportUsage(answered, usage, cost);
    RateLimitSnapshot rateLimit =
        RateLimitHeaders.parse(response.headers(), io.runtime().clock().instant());
    return new ChatResult(completion, answered, usage, cost, rateLimit, ctx.requestId());
  }
}
