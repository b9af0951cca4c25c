package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.maps.shouldNotContainKey
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kotest.matchers.types.shouldNotBeSameInstanceAs
import io.llmgateway.cost.PriceTable
import io.llmgateway.metrics.CallEvent
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import java.time.Duration
import java.util.Collections

/** A built client is a value: its builder can change or be reused without reaching it. */
class ImmutableClientSpec :
  FunSpec({
    test("changing the builder after build() changes nothing in the built client") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { first ->
        FakeGateway.start(SaasMode.REAL_SERVER).use { second ->
          val builder =
            SaasLiteLlmClient.builder()
              .baseUrl(first.saasBaseUrl())
              .teamId("acme")
              .virtualKey("sk-fake-acme")
              .sleeper(FakeClock()::sleep)
          val client = builder.build()
          val late = Collections.synchronizedList(mutableListOf<CallEvent>())
          builder
            .baseUrl(second.saasBaseUrl())
            .teamId("other")
            .virtualKey("sk-fake-other")
            .prices(PriceTable.builder().put("chat-fast", "1000", "1000").build())
            .listener { late.add(it) }
            .timeouts(
              Timeouts.ofDefaults().toBuilder().connectTimeout(Duration.ofMillis(1)).build()
            )

          val job = client.createJob(JobSpec.of("immutable"))
          client.llmCall(job.jobId(), question())

          client.teamId() shouldBe "acme"
          first.requestsTo("POST", "/jobs/create") shouldBe 1
          second.requests().shouldBeEmpty()
          late.shouldBeEmpty()
          client.prices().asMap() shouldNotContainKey "chat-fast"
        }
      }
    }

    test("newBuilder() derives a variant that shares the pool and dispatcher, and is apart") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway.client().use { client ->
          val variantBuilder = client.newBuilder().teamId("globex").virtualKey("sk-fake-globex")
          variantBuilder.build().use { variant ->
            variant.http.connectionPool shouldBeSameInstanceAs client.http.connectionPool
            variant.http.dispatcher shouldBeSameInstanceAs client.http.dispatcher
            variant shouldNotBeSameInstanceAs client

            variant.createJob(JobSpec.of("variant"))
            client.createJob(JobSpec.of("original"))
            gateway.requests().map { it.header("Authorization") }.toSet() shouldBe
              setOf("Bearer sk-fake-globex", "Bearer sk-fake-acme")
            variantBuilder.teamId("gamma")
            variant.teamId() shouldBe "globex"
            client.teamId() shouldBe "acme"
          }
          // Closing the variant leaves what it shares alone.
          client.createJob(JobSpec.of("after the variant closed")).jobId().isNotEmpty() shouldBe
            true
        }
      }
    }
  })
