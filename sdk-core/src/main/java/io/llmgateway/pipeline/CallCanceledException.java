package io.llmgateway.pipeline;

import io.llmgateway.internal.call.GatewayCall;
import java.util.concurrent.CancellationException;

/**
 * The call was cancelled ({@link GatewayCall#cancel()}, a cancelled future or coroutine): its HTTP
 * exchange stopped and no further attempt was made. Not a gateway error: circuit breakers never
 * count it, and nothing retries it.
 */
public final class CallCanceledException extends CancellationException {
  private static final long serialVersionUID = 1L;

  private final String requestId;

  public CallCanceledException(String requestId) {
    super("call " + requestId + " cancelled");
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}
