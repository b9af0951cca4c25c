package io.llmgateway.benchmarks.server;

import io.llmgateway.benchmarks.harness.AllocationMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A fast loopback server with fixed answers, so client overhead is what the numbers show:
 * MockWebServer on TCP_NODELAY sockets with a {@link Dispatcher} that answers from pre-built
 * buffers (served as shared-segment copies, so the server allocates little per response).
 *
 * <ul>
 *   <li>{@code POST /api/jobs/{id}/llm-call}: the llm-call answer, uvicorn headers, no rate-limit
 *       headers (the real SaaS server sends none).
 *   <li>{@code POST /api/jobs/{id}/llm-call-stream}: the chunk stream.
 *   <li>{@code POST /chat/completions} and {@code /v1/chat/completions}: the chunk stream when the
 *       body asks {@code "stream":true}, else the 424-byte completion; both with HiveOps' five
 *       {@code X-RateLimit-*} headers for a per-minute window whose limits are never reached.
 *   <li>anything else: 404.
 * </ul>
 *
 * Counts requests per route, and can keep the last request body to compare contestants' wire
 * bodies. Its threads tell the {@link AllocationMeter} to leave them out.
 */
public final class CannedServer implements AutoCloseable {
  /** The request limit the rate-limit headers announce per minute; never reached in a run. */
  public static final long ANNOUNCED_REQUESTS_PER_MINUTE = 1_000_000_000L;

  private static final ByteString STREAM_TRUE = ByteString.encodeUtf8("\"stream\":true");

  private final MockWebServer server = new MockWebServer();
  private final Buffer llmCall = new Buffer().write(CannedBodies.llmCall());
  private final Buffer chat = new Buffer().write(CannedBodies.chatCompletion());
  private final CannedBodies.Stream stream;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final @Nullable AllocationMeter meter;
  private final AtomicLong minuteRequests = new AtomicLong();
  private volatile long minute = -1;
  private volatile boolean capture;
  private volatile byte @Nullable [] lastBody;
  private volatile String lastHeaders = "(none)";

  private CannedServer(@Nullable AllocationMeter meter, int streamEvents) {
    this.meter = meter;
    this.stream = CannedBodies.stream(streamEvents);
    server.setServerSocketFactory(new NoDelaySockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
  }

  /** Starts a server on loopback; {@code streamEvents} sizes the chunk stream it serves. */
  public static CannedServer start(@Nullable AllocationMeter meter, int streamEvents) {
    CannedServer s = new CannedServer(meter, streamEvents);
    try {
      s.server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  /** {@code http://127.0.0.1:PORT} without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public CannedBodies.Stream stream() {
    return stream;
  }

  /** Requests answered on {@code route} ({@code llm-call}, {@code chat}, ...) so far. */
  public long requests(String route) {
    AtomicLong n = counts.get(route);
    return n == null ? 0 : n.get();
  }

  /** Every route's count, for the report. */
  public Map<String, Long> requestCounts() {
    Map<String, Long> out = new java.util.TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Starts keeping the last request body (off by default: it costs server time). */
  public void capture(boolean enabled) {
    this.capture = enabled;
    this.lastBody = null;
  }

  public byte @Nullable [] lastBody() {
    return lastBody;
  }

  /** The last captured request's headers: count, bytes and names (values may hold keys). */
  public String lastHeaders() {
    return lastHeaders;
  }

  private MockResponse answer(RecordedRequest request) {
    if (meter != null) {
      meter.excludeCurrentThread();
    }
    dropQueuedCopy();
    String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
    Buffer body = request.getBody();
    if (capture) {
      lastBody = body.clone().readByteArray();
      lastHeaders =
          request.getHeaders().size()
              + " headers, "
              + request.getHeaders().byteCount()
              + " bytes ("
              + String.join(", ", request.getHeaders().names())
              + ")";
    }
    boolean post = "POST".equals(request.getMethod());
    if (post && path.startsWith("/api/jobs/") && path.endsWith("/llm-call")) {
      count("llm-call");
      return new MockResponse()
          .setHeader("server", "uvicorn")
          .setHeader("content-type", "application/json")
          .setBody(llmCall);
    }
    if (post && path.startsWith("/api/jobs/") && path.endsWith("/llm-call-stream")) {
      count("llm-call-stream");
      return sse();
    }
    if (post && (path.equals("/chat/completions") || path.equals("/v1/chat/completions"))) {
      if (asksForStream(body)) {
        count("chat-stream");
        return rateLimited(sse());
      }
      count("chat");
      return rateLimited(
          new MockResponse()
              .setHeader("content-type", "application/json")
              .setHeader("x-request-id", "req_bench")
              .setBody(chat));
    }
    count("other");
    return new MockResponse()
        .setResponseCode(404)
        .setHeader("content-type", "application/json")
        .setBody("{\"detail\":\"Not Found\"}");
  }

  private MockResponse sse() {
    return new MockResponse()
        .setHeader("content-type", "text/event-stream; charset=utf-8")
        .setHeader("cache-control", "no-cache")
        .setBody(stream.body());
  }

  private static boolean asksForStream(Buffer body) {
    try {
      return body.indexOf(STREAM_TRUE) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer never throws
    }
  }

  // HiveOps sends these on every response; the limits are set so no run ever reaches them.
  private MockResponse rateLimited(MockResponse response) {
    long now = System.currentTimeMillis();
    long m = now / 60_000;
    if (m != minute) {
      synchronized (this) {
        if (m != minute) {
          minuteRequests.set(0);
          minute = m;
        }
      }
    }
    long used = minuteRequests.incrementAndGet();
    return response
        .setHeader("X-RateLimit-Limit-Requests", ANNOUNCED_REQUESTS_PER_MINUTE)
        .setHeader("X-RateLimit-Remaining-Requests", ANNOUNCED_REQUESTS_PER_MINUTE - used)
        .setHeader("X-RateLimit-Reset-Requests", Instant.ofEpochMilli((m + 1) * 60_000).toString())
        .setHeader("X-RateLimit-Limit-Tokens", ANNOUNCED_REQUESTS_PER_MINUTE * 1_000)
        .setHeader("X-RateLimit-Remaining-Tokens", ANNOUNCED_REQUESTS_PER_MINUTE * 1_000 - used);
  }

  private void count(String route) {
    counts.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
  }

  // MockWebServer queues every request as well; drop its copy so memory stays flat.
  private void dropQueuedCopy() {
    try {
      server.takeRequest(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
