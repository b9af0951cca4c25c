package io.llmgateway.openai.internal;

import com.openai.errors.OpenAIServiceException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Error responses of drop-in calls, kept so that {@code HiveOpsClient.translate(e)} can classify
 * the raw body the OpenAI SDK dropped. A drop-in call has no capture on its thread (and may finish
 * on another thread), so the interceptor tags the response the SDK sees with {@link #HEADER}; the
 * SDK copies response headers into its exception, which leads back here. Bounded: the newest {@link
 * #MAX_ENTRIES} responses and at most {@link #MAX_BYTES} body bytes, oldest dropped first.
 * Thread-safe.
 */
public final class DropInErrors {
  /** The response header that names a kept error; local to this process, never sent. */
  public static final String HEADER = "X-LlmGateway-Error-Capture";

  static final int MAX_ENTRIES = 64;
  static final long MAX_BYTES = 1024 * 1024;

  private static final AtomicLong IDS = new AtomicLong();

  private final LinkedHashMap<String, ResponseCapture> byId = new LinkedHashMap<>();
  private long bytes;

  /** Keeps one error response; returns the id to tag it with. */
  public synchronized String keep(
      int status, Headers headers, byte[] errorBody, @Nullable String contentType) {
    String id = Long.toString(IDS.incrementAndGet());
    byId.put(id, ResponseCapture.detached(status, headers, errorBody, contentType));
    bytes += errorBody.length;
    Iterator<ResponseCapture> oldest = byId.values().iterator();
    while ((byId.size() > MAX_ENTRIES || bytes > MAX_BYTES) && byId.size() > 1) {
      bytes -= oldest.next().errorBody().length;
      oldest.remove();
    }
    return id;
  }

  /**
   * The response behind {@code e} if it is still kept, else an empty capture (the translator then
   * falls back to what the SDK parsed).
   */
  public synchronized ResponseCapture find(Throwable e) {
    if (!(e instanceof OpenAIServiceException)) {
      return ResponseCapture.none();
    }
    List<String> ids = ((OpenAIServiceException) e).headers().values(HEADER);
    ResponseCapture kept = ids.isEmpty() ? null : byId.get(ids.get(0));
    return kept != null ? kept : ResponseCapture.none();
  }

  synchronized int size() {
    return byId.size();
  }

  synchronized long bytes() {
    return bytes;
  }
}
