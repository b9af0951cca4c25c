package io.llmgateway.benchmarks.stream;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * The raw baseline of row d: okhttp-sse's {@code EventSources.createFactory(client)} (not {@code
 * processResponse}, broken in 4.12.0) with a listener that parses every {@code data:} payload with
 * a typed Moshi adapter and appends each choice's {@code delta.content}, stops at {@code [DONE]},
 * and hands the text to the caller, who waits on a latch. Events are handled on OkHttp's thread.
 */
final class RawSseStream {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonAdapter<Chunk> CHUNK = new Moshi.Builder().build().adapter(Chunk.class);

  /** The part of a chunk the baseline reads. */
  static final class Chunk {
    @Nullable List<Choice> choices;
  }

  static final class Choice {
    @Nullable Delta delta;
  }

  static final class Delta {
    @Nullable String content;
  }

  private final EventSource.Factory factory;
  private final String url;
  private final String authorization;
  private final String json;

  RawSseStream(OkHttpClient http, String url, String key, String json) {
    this.factory = EventSources.createFactory(http);
    this.url = url;
    this.authorization = "Bearer " + key;
    this.json = json;
  }

  /** Streams one answer and returns its text. */
  String run() throws IOException, InterruptedException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(json, JSON))
            .build();
    Listener listener = new Listener();
    EventSource source = factory.newEventSource(request, listener);
    if (!listener.ended.await(120, TimeUnit.SECONDS)) {
      source.cancel();
      throw new IOException("stream did not end in 120 s");
    }
    if (listener.failure != null || !listener.done) {
      throw new IOException("stream failed or ended without [DONE]", listener.failure);
    }
    return listener.text.toString();
  }

  private static final class Listener extends EventSourceListener {
    final StringBuilder text = new StringBuilder();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile boolean done;
    volatile @Nullable Throwable failure;

    @Override
    public void onEvent(
        EventSource source, @Nullable String id, @Nullable String type, String data) {
      if (data.equals("[DONE]")) {
        done = true;
        return;
      }
      try {
        Chunk chunk = CHUNK.fromJson(data);
        if (chunk != null && chunk.choices != null) {
          for (Choice choice : chunk.choices) {
            if (choice.delta != null && choice.delta.content != null) {
              text.append(choice.delta.content);
            }
          }
        }
      } catch (IOException e) {
        failure = e;
        source.cancel();
        ended.countDown();
      }
    }

    @Override
    public void onClosed(EventSource source) {
      ended.countDown();
    }

    @Override
    public void onFailure(EventSource source, @Nullable Throwable t, @Nullable Response response) {
      failure =
          t != null ? t : new IOException("HTTP " + (response == null ? "?" : response.code()));
      ended.countDown();
    }
  }
}
