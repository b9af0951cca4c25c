package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.llmgateway.internal.http.HeaderLoggingInterceptor
import okhttp3.OkHttpClient

class HeaderLoggingWiringSpec :
  FunSpec({
    test(
      "the job client logs each attempt's headers on its own OkHttp client, not the shared one"
    ) {
      fake().use { gateway ->
        val shared = OkHttpClient()
        val client = gateway.client { okHttpClient(shared) }
        try {
          client.http.networkInterceptors.count { it is HeaderLoggingInterceptor } shouldBe 1
          client.creditBalance().teamId() shouldBe "acme"
        } finally {
          client.close()
        }
        shared.networkInterceptors.shouldBeEmpty()
        shared.connectionPool.evictAll()
      }
    }

    test("close() releases the OkHttp client the job client made, never a shared one") {
      fake().use { gateway ->
        val own = gateway.client()
        own.creditBalance()
        own.close()
        own.http.dispatcher.executorService.isShutdown shouldBe true
        own.http.connectionPool.connectionCount() shouldBe 0

        val shared = OkHttpClient()
        val borrowing = gateway.client { okHttpClient(shared) }
        borrowing.creditBalance()
        borrowing.close()
        shared.dispatcher.executorService.isShutdown shouldBe false
        shared.connectionPool.connectionCount() shouldBe 1
        borrowing.creditBalance().teamId() shouldBe "acme" // still usable: nothing was closed
        shared.connectionPool.evictAll()
      }
    }
  })
