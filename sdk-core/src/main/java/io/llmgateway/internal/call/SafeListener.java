package io.llmgateway.internal.call;

import io.llmgateway.internal.Redaction;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells every listener in order; one that throws is logged and skipped, never fails a call. */
final class SafeListener implements CallListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

  private final List<CallListener> listeners;

  SafeListener(List<CallListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onEvent(CallEvent event) {
    for (CallListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.atWarn()
            .addKeyValue("listener", l.getClass().getName())
            .addKeyValue("errorType", e.getClass().getSimpleName())
            .log("call listener failed: " + Redaction.redact(String.valueOf(e.getMessage())));
      }
    }
  }
}
