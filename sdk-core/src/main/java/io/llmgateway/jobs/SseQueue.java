package io.llmgateway.jobs;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.jspecify.annotations.Nullable;

/**
 * Hands okhttp-sse's callbacks (on OkHttp's threads) to the one thread reading the stream. SSE
 * framing, comments such as {@code : keepalive} included, is okhttp-sse's job; payloads are ours.
 */
final class SseQueue extends EventSourceListener {
  /** Something the stream did. */
  static final class Item {
    enum Kind {
      OPEN,
      DATA,
      FAILURE,
      CLOSED
    }

    final Kind kind;
    final @Nullable String data;
    final @Nullable Throwable failure;
    final @Nullable Response response;

    Item(
        Kind kind,
        @Nullable String data,
        @Nullable Throwable failure,
        @Nullable Response response) {
      this.kind = kind;
      this.data = data;
      this.failure = failure;
      this.response = response;
    }
  }

  private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();

  @Override
  public void onOpen(EventSource eventSource, Response response) {
    items.add(new Item(Item.Kind.OPEN, null, null, response));
  }

  @Override
  public void onEvent(
      EventSource eventSource, @Nullable String id, @Nullable String type, String data) {
    items.add(new Item(Item.Kind.DATA, data, null, null));
  }

  @Override
  public void onClosed(EventSource eventSource) {
    items.add(new Item(Item.Kind.CLOSED, null, null, null));
  }

  @Override
  public void onFailure(
      EventSource eventSource, @Nullable Throwable t, @Nullable Response response) {
    items.add(new Item(Item.Kind.FAILURE, null, t, response));
  }

  /** The next item, or null when none arrived within {@code wait}. */
  @Nullable Item poll(Duration wait) throws InterruptedException {
    return items.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
  }
}
