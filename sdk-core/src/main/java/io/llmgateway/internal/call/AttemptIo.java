package io.llmgateway.internal.call;

import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.CallDeadlines;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One attempt's open exchange, as an {@link AttemptSpec} sees it while it reads an answer: the
 * body, read within the client's size limit, and for a stream the means to keep the exchange open
 * past the attempt.
 */
public final class AttemptIo {
  private final CallRuntime runtime;
  private final AttemptContext context;
  private final Call call;
  private final Response response;
  private final CallDeadlines.Deadline deadline;
  private final long startNanos;
  private boolean kept;

  AttemptIo(
      CallRuntime runtime,
      AttemptContext context,
      Call call,
      Response response,
      CallDeadlines.Deadline deadline,
      long startNanos) {
    this.runtime = runtime;
    this.context = context;
    this.call = call;
    this.response = response;
    this.deadline = deadline;
    this.startNanos = startNanos;
  }

  public AttemptContext context() {
    return context;
  }

  public CallRuntime runtime() {
    return runtime;
  }

  /** The deadline that ends this exchange (the attempt's timeout until a stream re-arms it). */
  public CallDeadlines.Deadline deadline() {
    return deadline;
  }

  /** When the attempt was sent ({@link System#nanoTime()}). */
  public long startNanos() {
    return startNanos;
  }

  /**
   * The answer's bytes, in the body's own buffer: at most the client's maximum response size is
   * read, and a longer body is a non-retried {@link UnexpectedResponseException}.
   */
  public BufferedSource body() throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return new okio.Buffer();
    }
    BufferedSource source = body.source();
    long max = runtime.maxResponseBytes();
    if (source.request(max + 1)) {
      throw tooLarge(max);
    }
    return source;
  }

  private UnexpectedResponseException tooLarge(long max) {
    ErrorDetails details =
        ErrorDetails.builder(runtime.provider())
            .status(response.code())
            .requestId(response.header("x-request-id"))
            .build();
    return new UnexpectedResponseException(
        "HTTP "
            + response.code()
            + " answer is larger than the "
            + max
            + "-byte limit (maxResponseSize); not read ["
            + runtime.provider().id()
            + "]",
        details,
        null);
  }

  /**
   * Hands the exchange to the caller: the call layer will neither close the response nor end its
   * deadline when the attempt returns. A stream takes it after its first chunk.
   */
  public OpenExchange keepOpen() {
    kept = true;
    return new OpenExchange(call, response, deadline);
  }

  boolean kept() {
    return kept;
  }

  /** A response still being read after its attempt ended: a stream past its first chunk. */
  public static final class OpenExchange implements AutoCloseable {
    private final Call call;
    private final Response response;
    private final CallDeadlines.Deadline deadline;

    OpenExchange(Call call, Response response, CallDeadlines.Deadline deadline) {
      this.call = call;
      this.response = response;
      this.deadline = deadline;
    }

    public Response response() {
      return response;
    }

    /** The deadline that cancels the exchange; re-arm it for idle and total limits. */
    public CallDeadlines.Deadline deadline() {
      return deadline;
    }

    /** Stops the exchange at once (safe from any thread, and more than once). */
    public void cancel() {
      call.cancel();
    }

    /** Releases the connection and the deadline. */
    @Override
    public void close() {
      deadline.close();
      response.close();
    }
  }
}
