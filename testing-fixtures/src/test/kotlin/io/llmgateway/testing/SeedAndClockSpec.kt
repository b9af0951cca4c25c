package io.llmgateway.testing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.testing.seed.Seed
import java.io.File
import java.math.BigDecimal
import java.time.Duration
import java.time.Instant

class SeedAndClockSpec :
  FunSpec({
    test("the default seed has the documented teams and keys, all short and obviously fake") {
      val seed = Seed.defaults(FakeClock.DEFAULT_START)
      seed.teams().map { it.id() } shouldBe
        listOf("acme", "globex", "initech", "umbrella", "hooli", "broke")
      seed.teams().map { it.status() } shouldContainAll listOf("active", "suspended", "paused")
      seed.teams().map { it.budgetMode() }.toSet() shouldBe
        setOf("job_based", "consumption_usd", "consumption_tokens")
      val keys = seed.teams().map { it.virtualKey() } + seed.hiveOpsKeys().map { it.key() }
      keys.forEach { it.matches(Regex("sk-fake-[a-z-]{1,20}")) shouldBe true }
      Regex("sk-[A-Za-z0-9]{32,}").containsMatchIn(Seed.defaultJson()) shouldBe false
    }

    test("relative key expiry counts from the gateway's start") {
      val seed = Seed.defaults(FakeClock.DEFAULT_START)
      seed.hiveOpsKeys().first().expiresAt() shouldBe
        FakeClock.DEFAULT_START.plus(Duration.ofDays(90))
      seed.hiveOpsKeys().first().balanceUsd() shouldBe BigDecimal("10.0")
    }

    test("a minimal seed fills every optional field with a default") {
      val team =
        Seed.fromJson("""{"teams":[{"id":"t","virtualKey":"sk-fake-t"}]}""", Instant.EPOCH)
          .team("t")
      team.status() shouldBe "active"
      team.budgetMode() shouldBe "job_based"
      team.credits() shouldBe 100
      team.rpm() shouldBe 60
      team.organization() shouldBe "org-t"
    }

    test("a seed that is not JSON, or lacks a required field, says so") {
      shouldThrow<IllegalArgumentException> { Seed.fromJson("{", Instant.EPOCH) }
        .message shouldContain "not valid JSON"
      shouldThrow<IllegalArgumentException> {
          Seed.fromJson("""{"teams":[{"id":"t"}]}""", Instant.EPOCH)
        }
        .message shouldContain "'virtualKey' is required"
    }

    test("the README documents the default seed verbatim") {
      val readme = File("README.md").readText()
      readme shouldContain Seed.defaultJson().trim()
    }

    test("a FakeClock moves only when told, and its zoned views follow it") {
      val clock = FakeClock()
      val zoned = clock.withZone(java.time.ZoneId.of("Europe/Paris"))
      clock.advance(Duration.ofMinutes(1))
      clock.instant() shouldBe FakeClock.DEFAULT_START.plusSeconds(60)
      zoned.instant() shouldBe clock.instant()
    }

    test("modes parse from the command-line spelling") {
      SaasMode.parse("documented") shouldBe SaasMode.DOCUMENTED
      SaasMode.parse("real-server") shouldBe SaasMode.REAL_SERVER
      shouldThrow<IllegalArgumentException> { SaasMode.parse("fast") }
    }
  })
