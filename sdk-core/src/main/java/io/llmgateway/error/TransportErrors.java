package io.llmgateway.error;

import io.llmgateway.error.CallTimeoutException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Maps OkHttp's and the JDK's {@link IOException}s to transport errors. */
final class TransportErrors {
  private TransportErrors() {}

  static TransportException classify(IOException failure, ErrorDetails details) {
    String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (failure instanceof SocketTimeoutException) {
      Kind kind = text.contains("connect") ? Kind.CONNECT : Kind.READ;
      String label = kind == Kind.CONNECT ? "connect timeout" : "read timeout";
      return new CallTimeoutException(Messages.local(label, details), details, kind, failure);
    }
    if (failure instanceof InterruptedIOException && text.contains("timeout")) {
      // OkHttp's callTimeout: this attempt's whole budget ran out. Another attempt may succeed.
      return new CallTimeoutException(
          Messages.local("attempt timeout", details), details, Kind.ATTEMPT, failure);
    }
    if (failure instanceof SSLException) {
      return new ConnectionException(
          Messages.local("TLS failure: " + failure.getMessage(), details), details, false, failure);
    }
    if ("canceled".equals(text)) {
      return new ConnectionException(
          Messages.local("call canceled", details), details, false, failure);
    }
    return new ConnectionException(
        Messages.local(
            "connection failure ("
                + failure.getClass().getSimpleName()
                + ": "
                + failure.getMessage()
                + ")",
            details),
        details,
        true,
        failure);
  }
}
