package io.llmgateway.ratelimit.redis

import io.llmgateway.error.ErrorClassifier
import io.llmgateway.error.Provider
import io.llmgateway.internal.call.AttemptContext
import io.llmgateway.internal.call.CallContext
import io.llmgateway.internal.call.ResilientExecutor
import io.llmgateway.internal.http.HeaderLookup
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.ratelimit.RateLimitSnapshot
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.retry.RetryPolicy
import java.time.Clock
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

/**
 * One app instance's HiveOps chat client, as the adapter module will build it: sdk-core's
 * [ResilientExecutor] (throttle, circuit, retries) around one OkHttp call per attempt, errors
 * classified by [ErrorClassifier], `X-RateLimit-*` headers observed on every answer.
 */
class HiveOpsCaller(
  private val baseUrl: String,
  limiter: RateLimiter,
  private val clock: Clock,
  sleeper: Sleeper,
  private val http: OkHttpClient = SHARED_HTTP,
) {
  /** Every 429 this instance received (retries included). */
  val rateLimited = AtomicInteger()

  val executor: ResilientExecutor =
    ResilientExecutor.builder()
      .provider(Provider.HIVEOPS)
      .retryPolicy(RetryPolicy.hiveOps())
      .rateLimiter(limiter)
      .clock(clock)
      .sleeper(sleeper)
      .logging(false)
      .build()

  private val classifier = ErrorClassifier.create()

  fun chat(options: CallOptions = CallOptions.defaults()): String =
    executor.execute(Endpoint.CHAT_COMPLETIONS, options) { ctx -> attempt(ctx) }

  private fun attempt(ctx: AttemptContext): String {
    val request =
      Request.Builder()
        .url("$baseUrl/chat/completions")
        .header("Authorization", "Bearer sk-fake-hive")
        .header(CallContext.REQUEST_ID_HEADER, ctx.requestId())
        .post(BODY.toRequestBody(JSON))
        .build()
    val call = http.newCall(request)
    call.timeout().timeout(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS)
    val response =
      try {
        call.execute()
      } catch (e: java.io.IOException) {
        throw classifier.classify(Provider.HIVEOPS, e)
      }
    if (!response.isSuccessful) {
      if (response.code == 429) rateLimited.incrementAndGet()
      throw classifier.classify(Provider.HIVEOPS, response) // reads, closes, carries the headers
    }
    return response.use {
      ctx.observe(RateLimitSnapshot.parse(HeaderLookup.of(it.headers), clock.instant()))
      it.body!!.string()
    }
  }

  companion object {
    const val BODY =
      """{"model":"llama3:8b-instruct-q8_0","messages":[{"role":"user","content":"hi"}]}"""
    private val JSON = "application/json".toMediaType()
    val SHARED_HTTP: OkHttpClient = OkHttpClient.Builder().retryOnConnectionFailure(false).build()
  }
}
