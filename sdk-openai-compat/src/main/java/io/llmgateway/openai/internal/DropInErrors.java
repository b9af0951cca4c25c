package io.llmgateway.openai.internal;

import com.openai.errors.OpenAIServiceException;
import io.llmgateway.error.LlmGatewayException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The typed errors of drop-in calls, kept so that {@code HiveOpsClient.translate(e)} returns the
 * error the pipeline classified (each error body is parsed once, there). The pipeline tags the
 * response the OpenAI SDK sees with {@link #HEADER}; the SDK copies response headers into its
 * exception, which leads back here. Bounded: the newest {@link #MAX_ENTRIES}, oldest dropped first.
 * Thread-safe.
 */
public final class DropInErrors {
  /** The response header that names a kept error; local to this process, never sent. */
  public static final String HEADER = "X-LlmGateway-Error-Capture";

  static final int MAX_ENTRIES = 64;

  private static final AtomicLong IDS = new AtomicLong();

  private final LinkedHashMap<String, LlmGatewayException> byId = new LinkedHashMap<>();

  /** A new id, to tag a response whose error may be kept later (a stream's error event). */
  public String reserve() {
    return Long.toString(IDS.incrementAndGet());
  }

  /** Keeps {@code error} under {@code id}. */
  public synchronized void keep(String id, LlmGatewayException error) {
    byId.put(id, error);
    Iterator<LlmGatewayException> oldest = byId.values().iterator();
    while (byId.size() > MAX_ENTRIES) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Keeps {@code error}; returns the id to tag its response with. */
  public String keep(LlmGatewayException error) {
    String id = reserve();
    keep(id, error);
    return id;
  }

  /** The typed error behind {@code e}, if it is still kept. */
  public synchronized @Nullable LlmGatewayException find(Throwable e) {
    if (!(e instanceof OpenAIServiceException)) {
      return null;
    }
    List<String> ids = ((OpenAIServiceException) e).headers().values(HEADER);
    return ids.isEmpty() ? null : byId.get(ids.get(0));
  }

  synchronized int size() {
    return byId.size();
  }
}
