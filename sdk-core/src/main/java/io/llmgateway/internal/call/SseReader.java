package io.llmgateway.internal.call;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a body, pulled on the reading thread: each call returns the next
 * event's data (its {@code data:} lines joined with a newline); comments such as {@code :
 * keepalive}, events without data and the {@code event:}, {@code id:} and {@code retry:} fields are
 * skipped, as the SSE specification says. Lines end with {@code \n} or {@code \r\n}.
 *
 * <p>Why not okhttp-sse, which frames the same events: it has no bound on an event's size (a 100 MB
 * line is read whole into memory), it pushes events from OkHttp's thread (a blocking iterator then
 * needs a queue and a thread hop per event), and the OpenAI-compatible client must not depend on
 * it. Here an event longer than the limit stops the reading with {@link EventTooLargeException}
 * after at most that many bytes plus one read buffer. Not thread-safe: one reader.
 */
public final class SseReader {
  private static final ByteString DATA = ByteString.encodeUtf8("data");

  private final BufferedSource source;
  private final long maxEventBytes;

  public SseReader(BufferedSource source, long maxEventBytes) {
    this.source = source;
    this.maxEventBytes = maxEventBytes;
  }

  /** The next event's data, or null when the body ended (an unfinished last event is dropped). */
  public @Nullable String next() throws IOException {
    String single = null;
    StringBuilder joined = null;
    long eventBytes = 0;
    while (true) {
      long limit = maxEventBytes - eventBytes;
      long end = source.indexOf((byte) '\n', 0, limit + 1);
      if (end == -1) {
        if (source.request(limit + 1)) {
          throw new EventTooLargeException(maxEventBytes);
        }
        return null; // the body ended
      }
      eventBytes += end + 1;
      long length = end > 0 && source.getBuffer().getByte(end - 1) == '\r' ? end - 1 : end;
      if (length == 0) {
        source.skip(end + 1);
        if (joined != null) {
          return joined.toString();
        }
        if (single != null) {
          return single;
        }
        continue; // a blank line with no data: nothing to dispatch
      }
      if (!source.rangeEquals(0, DATA) || (length > 4 && source.getBuffer().getByte(4) != ':')) {
        source.skip(end + 1); // a comment, another field, or a field whose name starts with "data"
        continue;
      }
      long valueStart = length == 4 ? 4 : source.getBuffer().getByte(5) == ' ' ? 6 : 5;
      source.skip(Math.min(valueStart, length));
      String value = source.readUtf8(length - Math.min(valueStart, length));
      source.skip(end + 1 - length); // the line ending
      if (single == null && joined == null) {
        single = value;
      } else {
        if (joined == null) {
          joined = new StringBuilder(single);
        }
        joined.append('\n').append(value);
      }
    }
  }

  /** An event longer than the client's limit. */
  public static final class EventTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public final long limit;

    EventTooLargeException(long limit) {
      super("server-sent event larger than " + limit + " bytes");
      this.limit = limit;
    }
  }
}
