package io.llmgateway.jobs;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies that tell whether OkHttp wrote them whole. A request whose body was never written
 * whole cannot have been processed (the server has no complete request to act on), so a complete
 * that failed that way may be sent again; any later failure is ambiguous.
 */
final class WrittenBodies {
  private WrittenBodies() {}

  /** Watches the bodies of one send. */
  static final class Tracker {
    private volatile boolean written;

    RequestBody track(RequestBody body) {
      written = false;
      return new RequestBody() {
        @Override
        public @Nullable MediaType contentType() {
          return body.contentType();
        }

        @Override
        public long contentLength() throws IOException {
          return body.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
          body.writeTo(sink);
          written = true;
        }
      };
    }

    /** Whether the last tracked body was handed to the connection whole. */
    boolean written() {
      return written;
    }
  }
}
