package io.llmgateway.testing.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.SaasMode;
import io.llmgateway.testing.fault.Fault;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a Java user writes: the extension as a field, the gateway as a parameter. */
class FakeGatewayExtensionTest {
  @RegisterExtension
  static final FakeGatewayExtension GATEWAY =
      FakeGatewayExtension.with(() -> FakeGateway.builder().mode(SaasMode.REAL_SERVER));

  private final OkHttpClient client = new OkHttpClient();

  @Test
  void resolvesTheCurrentGatewayAsAParameter(FakeGateway gateway) {
    assertSame(GATEWAY.gateway(), gateway);
    assertEquals(SaasMode.REAL_SERVER, gateway.mode());
  }

  @Test
  void scriptsA429StormThenLetsTheCallThrough(FakeGateway gateway) throws IOException {
    gateway
        .faults()
        .on("POST", "/chat/completions")
        .times(2, Fault.rateLimited().withRetryAfterSeconds(1))
        .thenPass();
    assertEquals(429, chat(gateway));
    assertEquals(429, chat(gateway));
    assertEquals(200, chat(gateway));
    assertEquals(1, gateway.state().hiveOpsKey("sk-fake-hive").totalRequests());
  }

  @Test
  void startsEachTestWithAFreshClock(FakeGateway gateway) {
    gateway.fakeClock().advance(Duration.ofHours(1));
    assertEquals(1, gateway.fakeClock().instant().atZone(java.time.ZoneOffset.UTC).getHour() - 12);
  }

  private int chat(FakeGateway gateway) throws IOException {
    String json =
        "{\"model\":\"llama3:8b-instruct-q8_0\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    Request request =
        new Request.Builder()
            .url(gateway.hiveOpsBaseUrl() + "/chat/completions")
            .header("Authorization", "Bearer sk-fake-hive")
            .post(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    }
  }
}
