package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import java.io.IOException
import java.util.Collections
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import okhttp3.Call
import okhttp3.Callback
import okhttp3.ConnectionPool
import okhttp3.Dispatcher
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.Response
import okio.Buffer

/** A caller's OkHttpClient with its own pool, dispatcher and interceptor, and what it saw. */
private class UserHttp {
  val pool = ConnectionPool()
  val dispatcher = Dispatcher()
  val models: MutableList<String> = Collections.synchronizedList(mutableListOf())
  val onUserDispatcher: MutableList<Boolean> = Collections.synchronizedList(mutableListOf())
  val client: OkHttpClient =
    OkHttpClient.Builder()
      .connectionPool(pool)
      .dispatcher(dispatcher)
      .addInterceptor { chain ->
        val body = Buffer().also { chain.request().body?.writeTo(it) }.readUtf8()
        models += Regex("\"model\":\"([^\"]*)\"").find(body)?.groupValues?.get(1) ?: "-"
        onUserDispatcher += dispatcher.runningCallsCount() > 0
        chain.proceed(chain.request())
      }
      .build()
}

private fun OkHttpClient.getAsync(request: Request): CompletableFuture<Int> {
  val done = CompletableFuture<Int>()
  newCall(request)
    .enqueue(
      object : Callback {
        override fun onFailure(call: Call, e: IOException) {
          done.completeExceptionally(e)
        }

        override fun onResponse(call: Call, response: Response) {
          response.use { done.complete(it.code) }
        }
      }
    )
  return done
}

class SharedOkHttpClientSpec :
  FunSpec({
    test("a caller's client runs its interceptor for facade, stream and drop-in calls") {
      fakeHive().use { gateway ->
        val user = UserHttp()
        val hive = gateway.hiveClient { okHttpClient(user.client) }

        hive.chat(ask())
        hive.stream(ask()) {}
        hive.openAi().chat().completions().create(ask())

        // The facade builds its requests whole (model mapped) before the caller's interceptors see
        // them; a drop-in request is the SDK's own until our rewrite, which runs after theirs.
        user.models shouldBe
          listOf("llama3:8b-instruct-q8_0", "llama3:8b-instruct-q8_0", "gpt-3.5-turbo")
        gateway.requests().map { it.body() }.all { "llama3:8b-instruct-q8_0" in it } shouldBe true
      }
    }

    test("a caller's client lends its connection pool and dispatcher") {
      fakeHive().use { gateway ->
        val user = UserHttp()
        val hive = gateway.hiveClient { okHttpClient(user.client) }
        user.pool.connectionCount() shouldBe 0

        hive.chat(ask())
        hive.openAi().chat().completions().create(ask())

        user.onUserDispatcher shouldBe
          listOf(true, true) // each call ran on the caller's dispatcher
        user.pool.connectionCount() shouldBeGreaterThan 0 // and left its connection in their pool
      }
    }

    test("close() leaves a caller's client usable, sync and async") {
      fakeHive().use { gateway ->
        val user = UserHttp()
        val hive = gateway.hiveClient { okHttpClient(user.client) }
        hive.chat(ask())

        hive.close()

        user.dispatcher.executorService.isShutdown shouldBe false
        val models =
          Request.Builder()
            .url(gateway.hiveOpsBaseUrl() + "/models")
            .header("Authorization", "Bearer sk-fake-hive")
            .build()
        user.client.newCall(models).execute().use { it.code shouldBe 200 }
        user.client.getAsync(models).get(10, TimeUnit.SECONDS) shouldBe 200
      }
    }
  })
