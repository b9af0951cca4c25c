package io.llmgateway.logging;

import io.llmgateway.circuit.CircuitState;
import io.llmgateway.internal.Redaction;
import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.CallStarted;
import io.llmgateway.metrics.CircuitStateChanged;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.Throttled;
import java.util.Map;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs call events through SLF4J with structured key-values ({@code requestId}, {@code attempt},
 * {@code endpoint}, {@code provider}, {@code status}, {@code errorType}, {@code waitMs}). Every
 * text goes through redaction; headers are logged by allow-list. Failures and retries log at WARN
 * and INFO, attempts at DEBUG.
 */
public final class CallLogger implements CallListener {
  /** The logger name used by default. */
  public static final String LOGGER_NAME = "io.llmgateway.call";

  private final Logger log;
  private final HeaderAllowList headers;

  private CallLogger(Logger log, HeaderAllowList headers) {
    this.log = log;
    this.headers = headers;
  }

  public static CallLogger ofDefaults() {
    return of(LoggerFactory.getLogger(LOGGER_NAME), HeaderAllowList.ofDefaults());
  }

  public static CallLogger of(Logger log, HeaderAllowList headers) {
    return new CallLogger(log, headers);
  }

  /**
   * Logs {@code event} at its level. Nothing is redacted, formatted or built when that level is off
   * (the common case for the DEBUG events of every successful call).
   */
  @Override
  public void onEvent(CallEvent event) {
    if (event instanceof CallStarted) {
      CallStarted e = (CallStarted) event;
      if (log.isDebugEnabled()) {
        at(Level.DEBUG, event, e.requestId()).log("call started");
      }
    } else if (event instanceof AttemptStarted) {
      AttemptStarted e = (AttemptStarted) event;
      if (log.isDebugEnabled()) {
        at(Level.DEBUG, event, e.requestId())
            .addKeyValue("attempt", e.attempt())
            .addKeyValue("timeoutMs", e.timeout().toMillis())
            .log("attempt started");
      }
    } else if (event instanceof AttemptFinished) {
      AttemptFinished e = (AttemptFinished) event;
      Level level = e.success() ? Level.DEBUG : Level.INFO;
      if (log.isEnabledForLevel(level)) {
        LoggingEventBuilder b =
            at(level, event, e.requestId())
                .addKeyValue("attempt", e.attempt())
                .addKeyValue("latencyMs", e.latency().toMillis());
        withError(b, e.status(), e.errorType())
            .log(e.success() ? "attempt succeeded" : "attempt failed");
      }
    } else if (event instanceof RetryScheduled) {
      RetryScheduled e = (RetryScheduled) event;
      if (log.isInfoEnabled()) {
        at(Level.INFO, event, e.requestId())
            .addKeyValue("attempt", e.attempt())
            .addKeyValue("errorType", e.errorType())
            .addKeyValue("waitMs", e.delay().toMillis())
            .addKeyValue("reason", e.reason().name())
            .log("retry scheduled");
      }
    } else if (event instanceof Throttled) {
      Throttled e = (Throttled) event;
      if (log.isInfoEnabled()) {
        at(Level.INFO, event, e.requestId())
            .addKeyValue("waitMs", e.delay().toMillis())
            .log("throttled: waiting for the rate-limit window");
      }
    } else if (event instanceof CircuitStateChanged) {
      CircuitStateChanged e = (CircuitStateChanged) event;
      Level level = e.to() == CircuitState.OPEN ? Level.WARN : Level.INFO;
      if (log.isEnabledForLevel(level)) {
        log.atLevel(level)
            .addKeyValue("provider", e.provider().id())
            .addKeyValue("endpoint", e.endpoint().id())
            .addKeyValue("from", e.from().name())
            .addKeyValue("to", e.to().name())
            .log("circuit breaker " + e.from() + " -> " + e.to());
      }
    } else if (event instanceof CallFinished) {
      CallFinished e = (CallFinished) event;
      Level level = e.success() ? Level.DEBUG : Level.WARN;
      if (log.isEnabledForLevel(level)) {
        LoggingEventBuilder b =
            at(level, event, e.requestId())
                .addKeyValue("attempts", e.attempts())
                .addKeyValue("latencyMs", e.latency().toMillis());
        Throwable error = e.error();
        withError(b, e.status(), e.errorType())
            .log(
                error == null
                    ? "call succeeded"
                    : "call failed: " + Redaction.redact(String.valueOf(error.getMessage())));
      }
    }
  }

  /** Whether header lines would be logged (DEBUG is on for this logger). */
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }

  /** Logs request or response headers at DEBUG, values filtered by the allow-list. */
  public void logHeaders(String requestId, String direction, Headers headers) {
    if (log.isDebugEnabled()) {
      log.atDebug()
          .addKeyValue("requestId", Redaction.redact(requestId))
          .log(Redaction.redact(direction) + " headers: " + this.headers.format(headers));
    }
  }

  /** Like {@link #logHeaders(String, String, Headers)}, for a map of names to values. */
  public void logHeaders(
      String requestId, String direction, Map<String, ? extends java.util.List<String>> headers) {
    if (log.isDebugEnabled()) {
      log.atDebug()
          .addKeyValue("requestId", Redaction.redact(requestId))
          .log(Redaction.redact(direction) + " headers: " + this.headers.format(headers));
    }
  }

  private LoggingEventBuilder at(Level level, CallEvent event, String requestId) {
    return log.atLevel(level)
        .addKeyValue("requestId", Redaction.redact(requestId))
        .addKeyValue("provider", event.provider().id())
        .addKeyValue("endpoint", Redaction.redact(event.endpoint().id()));
  }

  private static LoggingEventBuilder withError(
      LoggingEventBuilder b, @Nullable Integer status, @Nullable String errorType) {
    if (status != null) {
      b = b.addKeyValue("status", status);
    }
    if (errorType != null) {
      b = b.addKeyValue("errorType", errorType);
    }
    return b;
  }
}
