package io.llmgateway.testing.fault;

import io.llmgateway.testing.internal.wire.WireStall;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One scripted misbehaviour: a response of its own, or a change to the real one. Build faults with
 * the static factories and refine them with the {@code with...} methods, for example {@code
 * Fault.rateLimited().withRetryAfterSeconds(2)}. Script them with {@link FaultScript}.
 */
@FunctionalInterface
public interface Fault {
  MockResponse respond(FaultContext context);

  // ---- answers of its own ----

  /** Lets the real personality answer (a step that "passes"). */
  static Fault pass() {
    return FaultContext::realResponse;
  }

  /** A status with a raw body sent as {@code application/json}. */
  static Fault status(int status, String body) {
    return context -> Bodies.json(status, body);
  }

  /**
   * A status with a generic body in the path's dialect: the reason phrase ({@code
   * {"detail":"Service Unavailable"}}), or on SaaS paths the guide's text where it gives a generic
   * one (401 {@code Invalid or missing API key}, 429 {@code Rate limit exceeded}, 500 {@code
   * Internal server error}).
   */
  static Fault status(int status) {
    return context -> Bodies.generic(context.dialect(), status);
  }

  /** A SaaS LiteLLM error: {@code {"detail": detail}}. */
  static Fault detail(int status, String detail) {
    return context -> Bodies.detail(status, detail);
  }

  /**
   * A HiveOps / OpenAI error: {@code {"error":{"message","type","param","code"}}}, {@code param}
   * null.
   */
  static Fault openAiError(int status, String message, String type, @Nullable String code) {
    return context -> Bodies.openAiError(status, message, type, null, code);
  }

  /**
   * A 429 in the path's dialect (the guides' bodies) with exhausted rate-limit headers; add {@link
   * #withRetryAfterSeconds} and friends for a {@code Retry-After}.
   */
  static Fault rateLimited() {
    Fault body =
        context ->
            context.dialect() == FaultContext.Dialect.SAAS
                ? Bodies.detail(429, "Rate limit exceeded")
                : Bodies.openAiError(
                    429,
                    "Rate limit exceeded. Please try again later.",
                    "rate_limit_error",
                    null,
                    "rate_limit_exceeded");
    return body.withRateLimitExhausted();
  }

  /** Unparseable JSON (<code>{"detail": "Rate limit exc</code>) with a JSON content type. */
  static Fault malformedJson(int status) {
    return context -> Bodies.json(status, "{\"detail\": \"Rate limit exc");
  }

  /** The HTML page nginx sends when its upstream fails, byte for byte. */
  static Fault nginxBadGateway() {
    return context -> Bodies.nginx(502, "Bad Gateway");
  }

  /** nginx's HTML page for another status (503, 504...). */
  static Fault nginxError(int status, String reason) {
    return context -> Bodies.nginx(status, reason);
  }

  /** A status with an empty body (and a JSON content type, as a broken server would say). */
  static Fault emptyBody(int status) {
    return context -> Bodies.json(status, "");
  }

  /** A valid JSON error body of about {@code megabytes} MB. */
  static Fault hugeBody(int status, int megabytes) {
    return context -> Bodies.huge(status, megabytes);
  }

  /**
   * Drops the connection after reading the request, before any response byte. The personality never
   * sees the request (a request lost on the way); for "processed, answer lost" use {@link
   * #socketPolicy}.
   */
  static Fault disconnectAfterRequest() {
    return context -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  /**
   * Reads the request and never answers (the client's read timeout fires). The personality never
   * sees the request; for "processed, answer lost" use {@code socketPolicy(NO_RESPONSE)}.
   */
  static Fault noResponse() {
    return context -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  }

  /**
   * The real response with a MockWebServer socket policy applied: the personality processes the
   * request (state changes happen) but the client may never see the answer. With {@code
   * NO_RESPONSE} this is the timed-out complete that was in fact charged.
   */
  static Fault socketPolicy(SocketPolicy policy) {
    return context -> context.realResponse().setSocketPolicy(policy);
  }

  /**
   * {@code fault} with probability {@code p}, else the real answer, drawn from a {@code new
   * Random(seed)}: for load tests, as {@code thenAlways(Fault.sometimes(0.1, 42,
   * Fault.status(503)))}. Thread-safe. The n-th request this fault sees gets the n-th draw, so over
   * N requests the number struck depends only on the seed, whatever the threads; which requests
   * they are depends on the order they arrive in.
   *
   * @throws IllegalArgumentException if {@code p} is not in [0, 1]
   */
  static Fault sometimes(double p, long seed, Fault fault) {
    return new RandomFault(p, seed, fault);
  }

  // ---- the real clock: slow servers, answers lost after processing ----

  /**
   * A slow server: waits {@code delay} on the real clock, then lets the personality process the
   * request and answer at once. Until then the request has no effect (a job read back in the
   * meantime is unchanged), as when a real server is still working on it.
   */
  static Fault processAfter(Duration delay) {
    return context -> {
      RealClock.pause(delay);
      return context.realResponse();
    };
  }

  /**
   * Processes the request (state changes happen, a complete charges), then answers with {@code
   * answer} instead of the real response: the 502 a proxy sends after the server did the work, say
   * {@code Fault.processThen(Fault.nginxBadGateway())}.
   */
  static Fault processThen(Fault answer) {
    return context -> {
      context.realResponse();
      return answer.respond(context);
    };
  }

  /** Processes the request, then closes the connection without a byte of answer. */
  static Fault processThenDrop() {
    return socketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  /**
   * Processes the request at once and holds the whole answer back for {@code delay} on the real
   * clock: a server that did the work but is slow to say so.
   */
  static Fault processThenDelay(Duration delay) {
    return delayHeaders(delay);
  }

  /**
   * The real response sent slowly: {@code bytes} body bytes, then a pause of {@code pause}, again
   * and again until the body is out (a trickling body or stream).
   */
  static Fault slowBody(long bytes, Duration pause) {
    return stallBody(bytes, pause);
  }

  // ---- changes to the real answer ----

  /** The real response, its status line and headers held back for {@code delay}. */
  static Fault delayHeaders(Duration delay) {
    return pass().withHeadersDelay(delay);
  }

  /**
   * The real response, pausing for {@code stall} after every {@code afterBytes} bytes on the wire
   * (MockWebServer's throttle): a stall mid-body or mid-stream.
   */
  static Fault stallBody(long afterBytes, Duration stall) {
    return context ->
        context
            .realResponse()
            .throttleBody(Math.max(1, afterBytes), stall.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The real response, pausing once for {@code stall} after {@code afterBytes} body bytes on the
   * wire (chunk framing included, as for {@link #stallBody}), then sending the rest: a server that
   * hiccups once. No pause if the body is shorter.
   */
  static Fault stallOnce(long afterBytes, Duration stall) {
    return context -> {
      MockResponse real = context.realResponse();
      WireStall.arm(afterBytes, stall);
      return real;
    };
  }

  /**
   * The real stream, pausing once for {@code stall} right after its {@code events}-th {@code data:}
   * event (comments such as {@code : keepalive} are not counted), then sending the rest: for
   * idle-timeout tests between chunks. No pause if the stream has fewer events.
   */
  static Fault stallAfterEvents(int events, Duration stall) {
    return context -> {
      MockResponse real = context.realResponse();
      long offset = StreamOffsets.afterEvents(real, Math.max(0, events));
      if (offset >= 0) {
        WireStall.arm(offset, stall);
      }
      return real;
    };
  }

  /** The real response cut after {@code bytes} body bytes, then the connection closes. */
  static Fault disconnectAfterBytes(long bytes) {
    return context -> Truncation.afterBytes(context.realResponse(), bytes);
  }

  /**
   * The real stream cut after {@code events} {@code data:} events (comments such as {@code :
   * keepalive} are not counted), then the connection closes.
   */
  static Fault disconnectAfterEvents(int events) {
    return context -> Truncation.afterEvents(context.realResponse(), events);
  }

  /** MockWebServer's own mid-body disconnect: half the real body, then the socket closes. */
  static Fault disconnectDuringBody() {
    return socketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
  }

  /** The real response with another {@code Content-Type} (say {@code text/html} on JSON). */
  static Fault wrongContentType(String contentType) {
    return pass().withHeader("Content-Type", contentType);
  }

  // ---- refinements ----

  default Fault withHeader(String name, String value) {
    return context -> respond(context).setHeader(name, value);
  }

  default Fault withRetryAfterSeconds(long seconds) {
    return withHeader("Retry-After", Long.toString(seconds));
  }

  /** {@code Retry-After} as an HTTP date, e.g. {@code Fri, 20 Mar 2026 12:30:00 GMT}. */
  default Fault withRetryAfterDate(Instant when) {
    return withHeader(
        "Retry-After",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            when.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
  }

  /** OpenAI's {@code retry-after-ms}. */
  default Fault withRetryAfterMs(long millis) {
    return withHeader("retry-after-ms", Long.toString(millis));
  }

  /** The five HiveOps {@code X-RateLimit-*} headers with the given values. */
  default Fault withRateLimitHeaders(
      long limitRequests,
      long remainingRequests,
      Instant resetRequests,
      long limitTokens,
      long remainingTokens) {
    return context -> {
      MockResponse response = respond(context);
      response.setHeader("X-RateLimit-Limit-Requests", Long.toString(limitRequests));
      response.setHeader("X-RateLimit-Remaining-Requests", Long.toString(remainingRequests));
      response.setHeader(
          "X-RateLimit-Reset-Requests", resetRequests.truncatedTo(ChronoUnit.SECONDS).toString());
      response.setHeader("X-RateLimit-Limit-Tokens", Long.toString(limitTokens));
      response.setHeader("X-RateLimit-Remaining-Tokens", Long.toString(remainingTokens));
      return response;
    };
  }

  /** Rate-limit headers saying 0 remaining, resetting at the next full minute of the clock. */
  default Fault withRateLimitExhausted() {
    return context -> {
      Instant reset = context.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
      return withRateLimitHeaders(60, 0, reset, 150_000, 0).respond(context);
    };
  }

  default Fault withHeadersDelay(Duration delay) {
    return context -> respond(context).setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  default Fault withBodyDelay(Duration delay) {
    return context -> respond(context).setBodyDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---- latency (kept at the end of the file to ease merging) ----

  /**
   * This answer with a real-clock {@link Latency} of its own, instead of the personality's: for
   * example {@code Fault.pass().withLatency(Latency.of(Duration.ofSeconds(2), Duration.ZERO))}
   * answers one request after two seconds, and {@code
   * Fault.disconnectAfterEvents(6).withLatency(Latency.of(ms(200), ms(50)))} paces a stream that
   * gets cut.
   */
  default Fault withLatency(Latency latency) {
    return context -> {
      context.latency(latency);
      return respond(context);
    };
  }

  /** A HiveOps / OpenAI error naming the parameter at fault, as OpenAI's 400s do. */
  static Fault openAiError(
      int status, String message, String type, @Nullable String param, @Nullable String code) {
    return context -> Bodies.openAiError(status, message, type, param, code);
  }
}
