package io.llmgateway.internal.call;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What one endpoint's call does in an attempt, written once for every call style: build the
 * request, and turn a successful (2xx) response into the answer. Error statuses, transport
 * failures, timeouts and rate-limit headers are the call layer's business.
 *
 * @param <T> the answer
 */
public interface AttemptSpec<T> {
  /**
   * The request of attempt {@code ctx} (send {@code ctx.requestId()} in {@link
   * io.llmgateway.internal.call.CallContext#REQUEST_ID_HEADER}). A request that cannot be built
   * from the caller's input throws here, before anything is sent.
   */
  Request request(AttemptContext ctx);

  /**
   * The answer in a 2xx {@code response}; read its body through {@code io} (bounded). Throws {@link
   * io.llmgateway.error.UnexpectedResponseException} when the body is not this endpoint's answer;
   * an {@link IOException} while reading is a transport failure (retried as the policy says).
   */
  T answer(Response response, AttemptIo io) throws IOException;
}
