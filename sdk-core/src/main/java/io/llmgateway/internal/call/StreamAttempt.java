package io.llmgateway.internal.call;

import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.stream.StreamAccumulator;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A stream's attempt: send, check that a stream came back, read up to the first chunk. What fails
 * before the first chunk is the attempt's (retried as the policy says); a 200 that is not a stream
 * (JSON, an HTML page) is one request and a typed error that says what came back.
 */
final class StreamAttempt implements AttemptSpec<OpenStream> {
  private static final int SHOWN_BYTES = 200;

  private final StreamSpec spec;
  private final CallHooks hooks;

  StreamAttempt(StreamSpec spec, CallHooks hooks) {
    this.spec = spec;
    this.hooks = hooks;
  }

  @Override
  public Request request(AttemptContext ctx) {
    return spec.request(ctx);
  }

  @Override
  public OpenStream answer(Response response, AttemptIo io) throws IOException {
    CallRuntime rt = io.runtime();
    AttemptContext ctx = io.context();
    ResponseBody body = response.body();
    if (body == null || !isEventStream(body.contentType())) {
      throw notAStream(rt, response, body);
    }
    StreamAccumulator acc = spec.newAccumulator();
    ChunkReader reader =
        new ChunkReader(
            rt, body.source(), acc, io.deadline(), ctx.timeout(), io.startNanos(), ctx.requestId());
    StreamChunk first = reader.first();
    AttemptIo.OpenExchange exchange = io.keepOpen();
    RateLimitSnapshot rateLimit = RateLimitSnapshot.parse(response.headers(), rt.clock().instant());
    return new OpenStream(exchange, reader, spec, ctx, rateLimit, hooks, first);
  }

  private static boolean isEventStream(MediaType type) {
    return type != null
        && type.type().equals("text")
        && type.subtype().toLowerCase(Locale.ROOT).equals("event-stream");
  }

  private static UnexpectedResponseException notAStream(
      CallRuntime rt, Response response, ResponseBody body) throws IOException {
    String shown = "";
    if (body != null) {
      BufferedSource source = body.source();
      source.request(SHOWN_BYTES);
      long n = Math.min(SHOWN_BYTES, source.getBuffer().size());
      shown = source.getBuffer().snapshot((int) n).string(StandardCharsets.UTF_8);
    }
    String type = response.header("Content-Type");
    ErrorDetails details =
        ErrorDetails.builder(rt.provider())
            .status(response.code())
            .requestId(response.header("x-request-id"))
            .rawBody(shown)
            .build();
    return new UnexpectedResponseException(
        "HTTP "
            + response.code()
            + " to a stream request is not a stream: "
            + (type == null ? "no content type" : type)
            + (shown.isEmpty() ? "" : ", starting " + oneLine(shown))
            + " ["
            + rt.provider().id()
            + "]",
        details,
        null);
  }

  private static String oneLine(String text) {
    String t = text.replaceAll("\\s+", " ").trim();
    return t.length() > 80 ? t.substring(0, 80) + "..." : t;
  }
}
