package io.llmgateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.Provider;
import io.llmgateway.stream.StreamResult;
import io.llmgateway.testing.FakeClock;
import io.llmgateway.testing.FakeGateway;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client as a Java user writes it: builder, drop-in SDK client, facade, typed errors. */
class HiveOpsClientJavaTest {
  private FakeGateway gateway;
  private FakeClock clock;

  @BeforeEach
  void start() {
    gateway = FakeGateway.builder().start();
    clock = gateway.fakeClock();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private HiveOpsClientBuilder builder(String key) {
    return HiveOpsClient.builder()
        .baseUrl(gateway.hiveOpsBaseUrl())
        .apiKey(key)
        .provider(Provider.HIVEOPS)
        .clock(clock)
        .sleeper(clock::advance);
  }

  @Test
  void existingOpenAiCodeRunsOnHiveOps() {
    OpenAIClient openAi = builder("sk-fake-hive").build().openAi();

    ChatCompletion completion =
        openAi
            .chat()
            .completions()
            .create(
                ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_3_5_TURBO)
                    .addUserMessage("hello there")
                    .build());

    assertEquals(
        "Fake reply to: hello there", completion.choices().get(0).message().content().get());
  }

  @Test
  void facadeReportsCostAndStreamsDeltas() {
    HiveOpsClient client =
        builder("sk-fake-hive")
            .prices(PriceTable.builder().put("gemma-2-9b-it", "0.01", "0.02").build())
            .build();
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("gpt-3.5-turbo")
            .addUserMessage("hello there")
            .build();

    ChatResult result = client.chat(params);
    // 9 prompt and 6 completion tokens, as the fake counts them, at $0.01 / $0.02 per 1M
    assertEquals(0, new BigDecimal("0.00000021").compareTo(result.cost().usd()));

    List<String> deltas = new ArrayList<>();
    StreamResult streamed = client.stream(params, deltas::add);
    assertEquals(streamed.text(), String.join("", deltas));
    assertEquals("stop", streamed.finishReason());
  }

  @Test
  void emptyBalanceIsTypedAndTheGuardStopsTheNextCall() {
    HiveOpsClient client = builder("sk-fake-hive-broke").build();

    BalanceCheck check = client.checkBalance();
    assertEquals(BalanceCheck.Status.INSUFFICIENT, check.status());
    assertFalse(check.isOk());

    InsufficientCreditsException e =
        assertThrows(
            InsufficientCreditsException.class,
            () ->
                client.chat(
                    ChatCompletionCreateParams.builder()
                        .model("gpt-4")
                        .addUserMessage("hi")
                        .build()));
    assertTrue(e.getMessage().contains("not sent"));
    assertEquals(1, gateway.state().hiveOpsKey("sk-fake-hive-broke").totalRequests());
  }

  @Test
  void slidingWindowAndMaxTokensGuardReadWellFromJava() {
    HiveOpsClient client = builder("sk-fake-hive").maxTokens(MaxTokensGuard.of(256, 1024)).build();
    client.chat(
        ChatCompletionCreateParams.builder()
            .model("llama3:8b-instruct-q8_0")
            .messages(ChatHistory.slidingWindow("You are brief.", List.of(), 10))
            .addUserMessage("hi")
            .build());
    assertTrue(gateway.lastRequest().body().contains("\"max_tokens\":256"));
  }
}
