package io.llmgateway.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.error.Provider
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeGateway
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.RequestBody.Companion.toRequestBody

fun fakeHive(configure: FakeGateway.Builder.() -> Unit = {}): FakeGateway =
  FakeGateway.builder().apply(configure).start()

/** A facade on the fake's clock; its sleeper moves that clock. */
fun FakeGateway.hiveClient(
  key: String = "sk-fake-hive",
  sleeper: Sleeper = Sleeper(fakeClock()::sleep),
  configure: HiveOpsClientBuilder.() -> Unit = {},
): HiveOpsClient =
  HiveOpsClient.builder()
    .baseUrl(hiveOpsBaseUrl())
    .apiKey(key)
    .provider(Provider.HIVEOPS)
    .clock(fakeClock())
    .sleeper(sleeper)
    .apply(configure)
    .build()

/** Chat requests the fake received (429s and errors included). */
fun FakeGateway.chatRequests(): Int =
  requests().count { it.method() == "POST" && it.path().endsWith("/chat/completions") }

fun FakeGateway.modelRequests(): Int =
  requests().count { it.method() == "GET" && it.path().endsWith("/models") }

fun ask(model: String = "gpt-3.5-turbo", text: String = "hello there"): ChatCompletionCreateParams =
  ChatCompletionCreateParams.builder().model(model).addUserMessage(text).build()

/**
 * Spends [count] requests of [key]'s rate window as another client would: raw OkHttp, none of our
 * interceptors, so our throttle learns about them only from the gateway's headers.
 */
fun FakeGateway.spendWindowElsewhere(count: Int, key: String = "sk-fake-hive") {
  val raw = okhttp3.OkHttpClient()
  val json = "application/json".toMediaType()
  repeat(count) {
    val body =
      """{"model":"llama3:8b-instruct-q8_0","messages":[{"role":"user","content":"other $it"}]}"""
    val request =
      okhttp3.Request.Builder()
        .url(hiveOpsBaseUrl() + "/chat/completions")
        .header("Authorization", "Bearer $key")
        .post(body.toRequestBody(json))
        .build()
    raw.newCall(request).execute().use { check(it.code == 200) { "setup call got ${it.code}" } }
  }
  raw.dispatcher.executorService.shutdown()
  raw.connectionPool.evictAll()
}

/** Counts the 429s the gateway sent, seen from inside the client. */
class TooManyCounter : okhttp3.Interceptor {
  val count = java.util.concurrent.atomic.AtomicInteger()

  override fun intercept(chain: okhttp3.Interceptor.Chain): okhttp3.Response =
    chain.proceed(chain.request()).also { if (it.code == 429) count.incrementAndGet() }
}
