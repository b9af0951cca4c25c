package io.llmgateway.logging

import io.llmgateway.error.ErrorClassifier
import io.llmgateway.error.Provider
import io.llmgateway.internal.call.AttemptContext
import io.llmgateway.internal.call.CallContext
import io.llmgateway.internal.http.BoundedErrorBodyInterceptor
import io.llmgateway.internal.http.HeaderLookup
import io.llmgateway.ratelimit.RateLimitSnapshot
import java.io.IOException
import java.time.Clock
import java.util.concurrent.TimeUnit
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

/**
 * One HiveOps chat attempt written as a client writes it: the key as a Bearer token (and inside the
 * prompt), headers logged through the [CallLogger], error statuses and IO failures classified.
 */
class CanaryClient(
  private val baseUrl: String,
  private val key: String,
  private val logger: CallLogger,
  private val clock: Clock,
) : AutoCloseable {
  private val classifier = ErrorClassifier(clock)
  private val http =
    OkHttpClient.Builder()
      .retryOnConnectionFailure(false) // our loop retries, OkHttp must not hide failures
      .addInterceptor(BoundedErrorBodyInterceptor())
      .build()

  fun send(ctx: AttemptContext): String {
    val prompt = """{"model":"gpt-4","messages":[{"role":"user","content":"my key is $key"}]}"""
    val request =
      Request.Builder()
        .url("$baseUrl/v1/chat/completions")
        .header("Authorization", "Bearer $key")
        .header(CallContext.REQUEST_ID_HEADER, ctx.requestId())
        .post(prompt.toRequestBody("application/json".toMediaType()))
        .build()
    logger.logHeaders(ctx.requestId(), "request", request.headers)
    val call = http.newCall(request)
    call.timeout().timeout(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS)
    val response =
      try {
        call.execute()
      } catch (e: IOException) {
        throw classifier.classify(Provider.HIVEOPS, e)
      }
    response.use {
      logger.logHeaders(ctx.requestId(), "response", it.headers)
      if (!it.isSuccessful) {
        throw classifier.classify(Provider.HIVEOPS, it)
      }
      ctx.observe(RateLimitSnapshot.parse(HeaderLookup.of(it.headers), clock.instant()))
      return it.body!!.string()
    }
  }

  override fun close() {
    http.dispatcher.executorService.shutdown()
    http.connectionPool.evictAll()
  }
}
