package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.FakeCompletion;
import io.llmgateway.testing.internal.HiveKeyState;
import io.llmgateway.testing.internal.OpenAiChunks;
import io.llmgateway.testing.internal.Req;
import io.llmgateway.testing.internal.Store;
import io.llmgateway.testing.internal.wire.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /chat/completions} after the key and the rate window passed: the body (400), the
 * model (400, or 404 in the OpenAI form), the balance (403, or 429 in the OpenAI form), then a
 * charged {@code chat.completion} or a stream of {@code chat.completion.chunk}s in OpenAI's current
 * shape.
 */
final class ChatCompletions {
  /** The fingerprint every answer reports; OpenAI's identify a backend configuration. */
  static final String FINGERPRINT = OpenAiChunks.FINGERPRINT;

  private ChatCompletions() {}

  static MockResponse handle(Store store, Req req, HiveKeyState key) {
    ChatRequest chat = ChatRequest.parse(req.body);
    boolean openAiForm = store.options.openAiForm();
    if (HiveOpsBilling.of(chat.model()) == null) {
      throw HiveOpsErrors.invalidModel(chat.model(), openAiForm);
    }
    if (key.balanceUsd.signum() <= 0) {
      throw HiveOpsErrors.insufficientBalance(openAiForm);
    }
    FakeCompletion completion = FakeCompletion.of(chat.messages(), chat.maxTokens(), chat.stops());
    key.balanceUsd =
        key.balanceUsd.subtract(
            HiveOpsBilling.cost(
                chat.model(), completion.promptTokens(), completion.completionTokens()));
    key.window.addTokens(store.now(), completion.totalTokens());
    String id = "chatcmpl-fake-" + key.totalRequests;
    long created = store.now().getEpochSecond();
    String finish = completion.truncated() ? "length" : "stop";
    if (chat.stream()) {
      req.timing.pacedStream(completion.completionTokens());
      List<String> events = new ArrayList<>();
      for (String payload :
          OpenAiChunks.payloads(
              id,
              created,
              chat.model(),
              completion,
              finish,
              chat.includeUsage(),
              chat.includeUsage())) {
        events.add("data: " + payload + "\n\n");
      }
      events.add("data: [DONE]\n\n");
      return Responses.sse(events);
    }
    req.timing.reply(completion.completionTokens());
    return Responses.json(200, completion(id, created, chat.model(), completion, finish));
  }

  private static Map<String, Object> completion(
      String id, long created, String model, FakeCompletion completion, String finish) {
    Map<String, @Nullable Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", completion.content());
    message.put("refusal", null);
    message.put("annotations", List.of());
    Map<String, @Nullable Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("message", message);
    choice.put("logprobs", null);
    choice.put("finish_reason", finish);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("object", "chat.completion");
    out.put("created", created);
    out.put("model", model);
    out.put("choices", List.of(choice));
    out.put("usage", OpenAiChunks.usage(completion));
    out.put("service_tier", "default");
    out.put("system_fingerprint", FINGERPRINT);
    return out;
  }
}
