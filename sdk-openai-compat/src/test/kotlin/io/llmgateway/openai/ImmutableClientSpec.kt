package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.llmgateway.cost.PriceTable
import io.llmgateway.metrics.CallEvent
import java.util.Collections

/** A built client is a value: its builder can change or be reused without reaching it. */
class ImmutableClientSpec :
  FunSpec({
    test("changing the builder after build() changes nothing in the built client") {
      fakeHive().use { first ->
        fakeHive().use { second ->
          val builder =
            HiveOpsClient.builder()
              .baseUrl(first.hiveOpsBaseUrl())
              .apiKey("sk-fake-hive")
              .clock(first.fakeClock())
              .sleeper(first.fakeClock()::sleep)
          val client = builder.build()
          val late = Collections.synchronizedList(mutableListOf<CallEvent>())
          builder
            .baseUrl(second.hiveOpsBaseUrl())
            .apiKey("sk-fake-other")
            .mapModel("gpt-3.5-turbo", "some-other-model")
            .prices(PriceTable.builder().put("anything", "1", "1").build())
            .listener { late.add(it) }

          client.chat(ask()).text().isNotEmpty() shouldBe true

          client.baseUrl().trimEnd('/') shouldBe first.hiveOpsBaseUrl().trimEnd('/')
          first.chatRequests() shouldBe 1
          second.requests().shouldBeEmpty()
          late.shouldBeEmpty()
          client.modelMapping().map("gpt-3.5-turbo") shouldBe
            ModelMapping.hiveOpsDefaults().map("gpt-3.5-turbo")
          client.prices().asMap().containsKey("anything") shouldBe false
        }
      }
    }

    test("newBuilder() derives a variant that shares the rate window, and is apart") {
      fakeHive { hiveOpsLimits(3, 1_000_000) }
        .use { gateway ->
          val tooMany = TooManyCounter()
          gateway
            .hiveClient { addInterceptor(tooMany) }
            .use { client ->
              val variantBuilder = client.newBuilder().apiKey("sk-fake-hive")
              variantBuilder.build().use { variant ->
                client.chat(ask())
                client.chat(ask())
                variant.chat(ask())
                // The window is the key's: the variant's call counted in the original's throttle,
                // so the original waits for the reset instead of drawing a 429.
                client.chat(ask())
                tooMany.count.get() shouldBe 0
                variantBuilder.mapModel("gpt-3.5-turbo", "elsewhere")
                variant.modelMapping().map("gpt-3.5-turbo") shouldBe
                  client.modelMapping().map("gpt-3.5-turbo")
              }
              client.chat(ask()).text().isNotEmpty() shouldBe true
            }
        }
    }
  })
