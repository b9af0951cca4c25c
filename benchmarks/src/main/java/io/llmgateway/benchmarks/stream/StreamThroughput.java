package io.llmgateway.benchmarks.stream;

import static io.llmgateway.benchmarks.report.Format.bytes;
import static io.llmgateway.benchmarks.report.Format.count;
import static io.llmgateway.benchmarks.report.Format.f;
import static io.llmgateway.benchmarks.report.Format.millis;
import static io.llmgateway.benchmarks.report.Format.ratio;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.harness.AllocationMeter;
import io.llmgateway.benchmarks.hiveops.HiveOpsSetup;
import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;
import io.llmgateway.benchmarks.server.CannedServer;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Row d: the same pre-built chunk stream read to the end by four clients, in rotating order; per
 * stream the wall time and the client-side bytes allocated.
 */
public final class StreamThroughput {
  private static final String KEY = HiveOpsSetup.KEY;
  private static final String JOB_ID = "8d3f2b9a-6c1e-4f7d-9b2a-5e4c3d2f1a0b";

  /** One contestant: reads a whole stream and returns its text. */
  @FunctionalInterface
  interface Reader {
    String read() throws Exception;
  }

  record Contestant(String name, String does, Reader reader) {}

  private StreamThroughput() {}

  public static Section run(Sizes sizes, @Nullable AllocationMeter meter, PrintStream log)
      throws Exception {
    try (CannedServer server = CannedServer.start(meter, sizes.streamEvents())) {
      String expected = server.stream().text();
      int events = server.stream().events();
      SaasLiteLlmClient jobs =
          SaasLiteLlmClient.builder()
              .baseUrl(server.url() + "/")
              .teamId("acme")
              .virtualKey(KEY)
              .build();
      LlmCallRequest request =
          LlmCallRequest.builder("chat-fast")
              .system("You are brief.")
              .user("Tell me a story about a lighthouse")
              .purpose("bench")
              .temperature(0.7)
              .maxTokens(200)
              .build();
      HiveOpsSetup hive = new HiveOpsSetup(server.url());
      ChatCompletionStreamOptions usage =
          ChatCompletionStreamOptions.builder().includeUsage(true).build();
      ChatCompletionCreateParams facadeParams =
          HiveOpsSetup.facadeParams().streamOptions(usage).build();
      ChatCompletionCreateParams bareParams =
          HiveOpsSetup.bareParams().streamOptions(usage).build();
      RawSseStream raw =
          new RawSseStream(
              new OkHttpClient(),
              server.url() + "/api/jobs/" + JOB_ID + "/llm-call-stream",
              KEY,
              "{\"model\":\"chat-fast\",\"messages\":[{\"role\":\"system\",\"content\":\"You are"
                  + " brief.\"},{\"role\":\"user\",\"content\":\"Tell me a story about a"
                  + " lighthouse\"}],\"purpose\":\"bench\",\"temperature\":0.7,"
                  + "\"max_tokens\":200}");

      List<Contestant> all =
          List.of(
              new Contestant(
                  "ours: job client stream",
                  "`SaasLiteLlmClient.llmCallStream(jobId, request)` (`POST"
                      + " /api/jobs/{id}/llm-call-stream`), iterated chunk by chunk reading each"
                      + " `textDelta()`, then `result().text()`. Default policies; the SDK's own"
                      + " SSE reading (`SseReader`) reads events on the iterating thread, which"
                      + " parses each payload (`StreamAccumulator`).",
                  () -> {
                    int n = 0;
                    try (ChunkStream stream = jobs.llmCallStream(JOB_ID, request)) {
                      for (StreamChunk chunk : stream) {
                        n += chunk.textDelta().length();
                      }
                      String text = stream.result().text();
                      if (n != text.length()) {
                        throw new IllegalStateException("deltas and summary differ");
                      }
                      return text;
                    }
                  }),
              new Contestant(
                  "ours: HiveOps facade stream",
                  "`HiveOpsClient.stream(params, onDelta)` (`POST /chat/completions`, stream"
                      + " true), configured as in row c; `onDelta` appends to a"
                      + " `StringBuilder`. The request is built from the OpenAI SDK's params; the"
                      + " stream is read by the SDK's own SSE reading and chunk parser, the same as"
                      + " the job client's (typed `StreamChunk`s, not the OpenAI SDK's objects).",
                  () -> {
                    StringBuilder sb = new StringBuilder();
                    String text = hive.facade.stream(facadeParams, sb::append).text();
                    if (sb.length() != text.length()) {
                      throw new IllegalStateException("deltas and result differ");
                    }
                    return text;
                  }),
              new Contestant(
                  "raw okhttp-sse + Moshi",
                  "okhttp-sse `EventSources.createFactory(new OkHttpClient())` posting the job"
                      + " client's JSON body to the same llm-call-stream path; its listener parses"
                      + " every payload with a typed Moshi adapter (choices[].delta.content),"
                      + " appends the text, stops at `[DONE]`; the caller waits on a latch.",
                  raw::run),
              new Contestant(
                  "OpenAI SDK createStreaming",
                  "bare OpenAI SDK 4.101.0 (`maxRetries(0)`):"
                      + " `chat().completions().createStreaming(params)` in try-with-resources,"
                      + " `stream().forEach` appending every choice's `delta().content()`.",
                  () -> {
                    StringBuilder sb = new StringBuilder();
                    try (StreamResponse<ChatCompletionChunk> s =
                        hive.bare.chat().completions().createStreaming(bareParams)) {
                      s.stream()
                          .forEach(
                              chunk ->
                                  chunk
                                      .choices()
                                      .forEach(c -> c.delta().content().ifPresent(sb::append)));
                    }
                    return sb.toString();
                  }));

      int k = all.size();
      for (int i = 0; i < sizes.streamWarmup(); i++) {
        for (int j = 0; j < k; j++) {
          check(all.get((i + j) % k), expected);
        }
      }
      if (meter != null) {
        meter.excludeServerThreadsByName();
      }
      long[][] nanos = new long[k][sizes.streams()];
      long[][] alloc = new long[k][sizes.streams()];
      for (int i = 0; i < sizes.streams(); i++) {
        for (int j = 0; j < k; j++) {
          int c = (i + j) % k;
          AllocationMeter.Reading before = meter == null ? null : meter.read();
          long t0 = System.nanoTime();
          String text = all.get(c).reader.read();
          nanos[c][i] = System.nanoTime() - t0;
          alloc[c][i] = meter == null || before == null ? -1 : meter.since(before);
          if (!text.equals(expected)) {
            throw new IllegalStateException(all.get(c).name + " read a different text");
          }
        }
        log.println("  d: round " + (i + 1) + "/" + sizes.streams());
      }
      log.println("  d: done, server saw " + server.requestCounts());

      Section s = new Section("d", "Streaming a " + count(events) + "-chunk answer");
      s.text(
          "The server sends one pre-built body (built once; served as shared-segment copies) to"
              + " every contestant: "
              + count(events)
              + " OpenAI `chat.completion.chunk` events (1 role chunk, "
              + count(events - 3)
              + " text chunks of one word, 1 finish chunk, 1 usage chunk), then `data: [DONE]`;"
              + " "
              + bytes(server.stream().body().size())
              + " in all, `Content-Type: text/event-stream`. Every contestant must return the"
              + " whole text, checked against the expected text on every stream.");
      StringBuilder does = new StringBuilder();
      for (Contestant c : all) {
        does.append("- **").append(c.name).append("**: ").append(c.does).append('\n');
      }
      does.append("- ")
          .append(sizes.streamWarmup())
          .append(" warm-up streams each, then ")
          .append(sizes.streams())
          .append(" measured streams each, the order rotating every round (ABCD, BCDA, ...);")
          .append(" chunks/s = ")
          .append(count(events))
          .append(" / median stream time; bytes per chunk = mean client-side bytes allocated")
          .append(" per stream (all client threads, server threads excluded) / ")
          .append(count(events))
          .append('.');
      s.text(does.toString());
      Table t =
          new Table("contestant", "median stream", "best stream", "chunks/s", "bytes per chunk");
      double[] rate = new double[k];
      double[] perChunk = new double[k];
      for (int c = 0; c < k; c++) {
        double median = median(nanos[c]);
        rate[c] = events / (median / 1e9);
        perChunk[c] = meter == null ? -1 : mean(alloc[c]) / events;
        t.row(
            all.get(c).name,
            millis(median),
            millis(Arrays.stream(nanos[c]).min().orElse(0)),
            count(rate[c]),
            perChunk[c] < 0 ? "n/a" : bytes(perChunk[c]));
      }
      s.table(t);
      // The fastest of the others: raw okhttp-sse or the OpenAI SDK (not our own facade).
      int fastest = rate[2] >= rate[3] ? 2 : 3;
      double r = rate[0] / rate[fastest];
      s.text(
          f(
              "Ours (job client stream) reaches %s of the fastest other contestant (%s).",
              ratio(r), all.get(fastest).name));
      s.row(
          new Row(
              "d",
              count(events)
                  + "-chunk stream, job client vs fastest other (chunks/s, higher is better)",
              count(rate[0]) + " chunks/s",
              count(rate[fastest]) + " chunks/s (" + all.get(fastest).name + ")",
              ratio(r),
              ">= 1.00x",
              r >= 1.0 ? Verdict.PASS : Verdict.MISS));
      List<String> others = new ArrayList<>();
      for (int c = 1; c < k; c++) {
        others.add(all.get(c).name + " " + (perChunk[c] < 0 ? "n/a" : bytes(perChunk[c])));
      }
      s.row(
          new Row(
              "d",
              "bytes allocated per chunk, job client vs raw okhttp-sse",
              perChunk[0] < 0 ? "n/a" : bytes(perChunk[0]),
              perChunk[2] < 0 ? "n/a" : bytes(perChunk[2]),
              perChunk[0] > 0 && perChunk[2] > 0 ? ratio(perChunk[0] / perChunk[2]) : "n/a",
              "none set (context)",
              Verdict.INFO));
      double facadeRate = rate[1] / rate[3];
      s.row(
          new Row(
              "d",
              count(events)
                  + "-chunk stream, HiveOps facade vs bare SDK (chunks/s, higher is better)",
              count(rate[1]) + " chunks/s",
              count(rate[3]) + " chunks/s",
              ratio(facadeRate),
              ">= 2.00x",
              facadeRate >= 2.0 ? Verdict.PASS : Verdict.MISS));
      boolean metered = perChunk[1] > 0 && perChunk[3] > 0;
      double facadeBytes = metered ? perChunk[1] / perChunk[3] : -1;
      s.row(
          new Row(
              "d",
              "bytes allocated per chunk, HiveOps facade vs bare SDK (lower is better)",
              perChunk[1] < 0 ? "n/a" : bytes(perChunk[1]),
              perChunk[3] < 0 ? "n/a" : bytes(perChunk[3]),
              metered ? ratio(facadeBytes) : "n/a",
              "<= 0.50x",
              !metered ? Verdict.INFO : facadeBytes <= 0.5 ? Verdict.PASS : Verdict.MISS));
      s.text("Bytes per chunk of the others: " + String.join("; ", others) + ".");
      hive.facade.close();
      hive.bare.close();
      return s;
    }
  }

  private static void check(Contestant c, String expected) throws Exception {
    if (!c.reader.read().equals(expected)) {
      throw new IllegalStateException(c.name + " read a different text");
    }
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(-1);
  }
}
