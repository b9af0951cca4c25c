package io.llmgateway.jobs;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.AttemptIo;
import io.llmgateway.internal.call.AttemptSpec;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One job-client endpoint's attempt: its request (built by Retrofit from {@link JobsRoutes}) and
 * how its answer is read. The same for every call style.
 */
final class JobAttempt<T> implements AttemptSpec<T> {
  private final Function<String, Request> request;
  private final JobsTransport.Reader<T> reader;
  private final @Nullable ToLongFunction<T> tokensUsed;

  /** {@code request} builds an attempt's request from its client request id. */
  JobAttempt(Function<String, Request> request, Type type, @Nullable ToLongFunction<T> tokensUsed) {
    this.request = request;
    this.reader = JobsTransport.reader(type);
    this.tokensUsed = tokensUsed;
  }

  private static String modelOf(Object answer) {
    String model = null;
    if (answer instanceof LlmCallResult) {
      model = ((LlmCallResult) answer).model();
    } else if (answer instanceof SingleCallResult) {
      model = ((SingleCallResult) answer).model();
    }
    return model == null ? "" : model;
  }

  @Override
  public Request request(AttemptContext ctx) {
    return request.apply(ctx.requestId());
  }

  @Override
  public T answer(Response response, AttemptIo io) throws IOException {
    T value = JobsTransport.read(response, io.body(), reader);
    if (tokensUsed != null) {
      // The throttle reserved an estimate from the request size; correct it with what was used.
      long tokens = tokensUsed.applyAsLong(value);
      io.context().recordUsage(tokens);
      // The SaaS server reports a total only, and prices by alias server-side: cost unknown here.
      io.context().reportUsage(modelOf(value), new TokenUsage(0, 0, tokens), Cost.UNKNOWN);
    }
    return value;
  }
}
