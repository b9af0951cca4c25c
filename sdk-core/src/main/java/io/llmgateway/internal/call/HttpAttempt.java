package io.llmgateway.internal.call;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.internal.CallDeadlines;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One HTTP attempt, the same for every call style and endpoint: send the spec's request, classify
 * an error status, feed rate-limit headers to the throttle, let the spec read a success within the
 * size limit, and tell a timeout, an interrupt or a cancellation from the exchange's own failure.
 */
final class HttpAttempt {
  /** The reason of an attempt's deadline. */
  static final String ATTEMPT = "attempt";

  private HttpAttempt() {}

  static <T> void send(
      CallRuntime rt, AttemptSpec<T> spec, AttemptContext ctx, Env env, Outcome<T> out) {
    Request request;
    try {
      request = spec.request(ctx);
    } catch (RuntimeException e) {
      // The caller's input cannot make a request (a path or body value): typed, never retried.
      out.failure(rt.classifier().classify(rt.provider(), e));
      return;
    }
    Call call = rt.http().newCall(request);
    long start = System.nanoTime();
    env.send(
        call,
        ctx.timeout(),
        ATTEMPT,
        new Env.Sent() {
          @Override
          public void responded(Response response, CallDeadlines.Deadline deadline) {
            answer(rt, spec, ctx, env, call, response, deadline, start, out);
          }

          @Override
          public void failed(IOException failure, CallDeadlines.Deadline deadline) {
            deadline.close();
            report(out, transportError(rt, env, failure, deadline));
          }
        });
  }

  private static <T> void answer(
      CallRuntime rt,
      AttemptSpec<T> spec,
      AttemptContext ctx,
      Env env,
      Call call,
      Response response,
      CallDeadlines.Deadline deadline,
      long start,
      Outcome<T> out) {
    AttemptIo io = new AttemptIo(rt, ctx, call, response, deadline, start);
    T value = null;
    Throwable failure = null;
    try {
      if (!response.isSuccessful()) {
        failure = rt.classifier().classify(rt.provider(), response);
      } else {
        RateLimitSnapshot snapshot =
            RateLimitSnapshot.parse(response.headers(), rt.clock().instant());
        if (!snapshot.isEmpty()) {
          ctx.observe(snapshot);
        }
        value = spec.answer(response, io);
      }
    } catch (LlmGatewayException e) {
      failure = e;
    } catch (IOException e) {
      failure = transportError(rt, env, e, deadline); // a body cut or stalled mid-way
    } catch (RuntimeException | Error e) {
      failure = e; // a bug: the call ends with it
    } finally {
      if (!io.kept()) {
        response.close();
        deadline.close();
      }
    }
    if (failure != null) {
      report(out, failure);
    } else {
      out.success(value);
    }
  }

  /**
   * A failure without a usable answer: the thread's interrupt or the run's cancellation when that
   * is what cut it, else the classified transport error (a passed deadline reads as an attempt
   * timeout).
   */
  static Throwable transportError(
      CallRuntime rt, Env env, IOException failure, CallDeadlines.Deadline deadline) {
    if (deadline.interrupted()) {
      env.stop(new CallInterruptedException(env.name(), failure));
    }
    CancellationException stopped = env.stopped();
    if (stopped != null) {
      return stopped;
    }
    return rt.classifier().classify(rt.provider(), deadline.explain(failure));
  }

  /** A gateway or transport error goes to the retry policy; anything else ends the call. */
  static <T> void report(Outcome<T> out, Throwable failure) {
    if (failure instanceof LlmGatewayException) {
      out.failure((LlmGatewayException) failure);
    } else {
      out.aborted(failure);
    }
  }
}
