package io.llmgateway.jobs;

import io.llmgateway.internal.call.AttemptIo;
import io.llmgateway.internal.call.AttemptSpec;
import io.llmgateway.pipeline.AttemptContext;
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

  @Override
  public Request request(AttemptContext ctx) {
    return request.apply(ctx.requestId());
  }

  @Override
  public T answer(Response response, AttemptIo io) throws IOException {
    T value = JobsTransport.read(response, io.body(), reader);
    if (tokensUsed != null) {
      // The throttle reserved an estimate from the request size; correct it with what was used.
      io.context().recordUsage(tokensUsed.applyAsLong(value));
    }
    return value;
  }
}
