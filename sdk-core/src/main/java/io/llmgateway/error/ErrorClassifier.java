package io.llmgateway.error;

import io.llmgateway.internal.http.HeaderLookup;
import io.llmgateway.internal.http.ServerHints;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The one place where anything a gateway sends, or fails to send, becomes a typed {@link
 * LlmGatewayException}. It never throws: bodies that are empty, HTML, plain text, truncated, huge
 * or not UTF-8 give the status's type with a bounded raw body. Thread-safe and stateless.
 */
public final class ErrorClassifier {
  /** Bytes of an error body read for classification; the rest is never read into memory. */
  public static final int BODY_READ_LIMIT = 256 * 1024;

  private static final ErrorClassifier SYSTEM = new ErrorClassifier(Clock.systemUTC());

  private final Clock clock;
  private final Duration resetHorizon;

  /** A classifier that resolves relative resets and HTTP dates against {@code clock}. */
  public ErrorClassifier(Clock clock) {
    this(clock, ServerHints.DEFAULT_RESET_HORIZON);
  }

  /**
   * A classifier on {@code clock} that takes a rate-limit reset as an error's {@link
   * LlmGatewayException#retryAfter()} only when it is at most {@code resetHorizon} ahead.
   */
  public ErrorClassifier(Clock clock, Duration resetHorizon) {
    this.clock = clock;
    this.resetHorizon = resetHorizon;
  }

  /** A classifier on the system clock. */
  public static ErrorClassifier create() {
    return SYSTEM;
  }

  /**
   * Classifies an HTTP answer the caller has decided is an error.
   *
   * @param body the body's bytes, or its first bytes: callers should read at most {@link
   *     #BODY_READ_LIMIT}
   */
  public LlmGatewayException classify(
      Provider provider,
      int status,
      HeaderLookup headers,
      byte[] body,
      @Nullable String contentType) {
    ErrorBody parsed = ErrorBodyParser.parse(body, contentType);
    ErrorDetails details = details(provider, status, headers, parsed);
    return StatusTable.classify(status, parsed, details);
  }

  /**
   * Classifies an OkHttp response: reads at most {@link #BODY_READ_LIMIT} bytes of its body and
   * closes it.
   */
  public LlmGatewayException classify(Provider provider, Response response) {
    byte[] body = readBounded(response);
    return classify(
        provider,
        response.code(),
        HeaderLookup.of(response.headers()),
        body,
        response.header("Content-Type"));
  }

  /**
   * Classifies a failure without a usable response: {@link IOException}s become timeouts or
   * connection failures, our own exceptions pass through, anything else is an unexpected response.
   */
  public LlmGatewayException classify(Provider provider, Throwable failure) {
    if (failure instanceof LlmGatewayException) {
      return (LlmGatewayException) failure;
    }
    ErrorDetails details = ErrorDetails.of(provider);
    if (failure instanceof IOException) {
      return TransportErrors.classify((IOException) failure, details);
    }
    return new UnexpectedResponseException(
        Messages.local("unexpected response: " + failure.getClass().getSimpleName(), details),
        details,
        failure);
  }

  /**
   * Classifies an error event inside a 200 stream, {@code {"error": "..."}} or {@code {"error":
   * {...}}}, keeping the text that arrived before it.
   */
  public StreamErrorEventException classifyStreamEvent(
      Provider provider, String eventData, String partialText, int chunksReceived) {
    ErrorBody parsed = ErrorBodyParser.parse(eventData.getBytes(StandardCharsets.UTF_8), null);
    ErrorDetails details =
        ErrorDetails.builder(provider)
            .status(200)
            .serverMessage(parsed.message)
            .type(parsed.type)
            .code(parsed.code)
            .param(parsed.param)
            .rawBody(parsed.text)
            .build();
    return new StreamErrorEventException(
        Messages.local("stream error event", details), details, partialText, chunksReceived);
  }

  private ErrorDetails details(
      Provider provider, int status, HeaderLookup headers, ErrorBody body) {
    Instant now = clock.instant();
    RateLimitSnapshot rateLimit = safeRateLimit(headers, now);
    return ErrorDetails.builder(provider)
        .status(status)
        .serverMessage(body.message)
        .type(body.type)
        .code(body.code)
        .param(body.param)
        .fieldErrors(body.fieldErrors)
        .requestId(safeRequestId(headers))
        .retryAfter(safeRetryAfter(headers, rateLimit, now, resetHorizon))
        .rateLimit(rateLimit)
        .rawBody(body.text)
        .build();
  }

  // Header lookups are caller code (a lambda over another library's headers): contain them.
  private static RateLimitSnapshot safeRateLimit(HeaderLookup headers, Instant now) {
    try {
      return RateLimitSnapshot.parse(headers, now);
    } catch (RuntimeException e) {
      return RateLimitSnapshot.EMPTY;
    }
  }

  private static @Nullable Duration safeRetryAfter(
      HeaderLookup headers, RateLimitSnapshot rateLimit, Instant now, Duration resetHorizon) {
    try {
      return ServerHints.retryAfter(headers, rateLimit, now, resetHorizon);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static @Nullable String safeRequestId(HeaderLookup headers) {
    try {
      return ServerHints.requestId(headers);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] readBounded(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      return new byte[0];
    }
    Buffer buffer = new Buffer();
    try (body) {
      BufferedSource source = body.source();
      while (buffer.size() < BODY_READ_LIMIT) {
        long read = source.read(buffer, BODY_READ_LIMIT - buffer.size());
        if (read == -1) {
          break;
        }
      }
    } catch (InterruptedIOException e) {
      // A body that stalls still tells us its status: classify what arrived.
    } catch (IOException | RuntimeException e) {
      // Same for a body cut short.
    }
    return buffer.readByteArray();
  }
}
