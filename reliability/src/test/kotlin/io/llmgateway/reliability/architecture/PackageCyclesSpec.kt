package io.llmgateway.reliability.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.llmgateway.cli.Cli
import io.llmgateway.coroutines.SuspendingJobClient
import io.llmgateway.error.ErrorClassifier
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.micrometer.MicrometerCallListener
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.opentelemetry.OpenTelemetryCallListener
import io.llmgateway.ratelimit.redis.RedisRateLimitStore
import io.llmgateway.testing.FakeGateway
import kotlin.reflect.KClass

/**
 * No package of the SDK depends on itself through others: a cycle is where "write a behaviour once"
 * quietly breaks, because neither side can move without the other. Checked over the main classes
 * (jar or classes folder) of every published module, the CLI and the fake gateway included, each
 * package its own slice (`io.llmgateway.testing` and `io.llmgateway.testing.internal` are two).
 */
class PackageCyclesSpec :
  FunSpec({
    val modules: Map<String, KClass<*>> =
      mapOf(
        "sdk-core" to ErrorClassifier::class,
        "sdk-saas-litellm" to SaasLiteLlmClient::class,
        "sdk-openai-compat" to HiveOpsClient::class,
        "sdk-coroutines" to SuspendingJobClient::class,
        "sdk-ratelimit-redis" to RedisRateLimitStore::class,
        "sdk-micrometer" to MicrometerCallListener::class,
        "sdk-opentelemetry" to OpenTelemetryCallListener::class,
        "testing-fixtures" to FakeGateway::class,
        "sdk-cli" to Cli::class,
      )

    fun classesOf(vararg types: KClass<*>): JavaClasses =
      ClassFileImporter().importUrls(types.map { it.java.protectionDomain.codeSource.location })

    context("each module's packages have no cycles") {
      withData(modules.keys) { module ->
        slices()
          .matching("io.llmgateway.(**)")
          .should()
          .beFreeOfCycles()
          .check(classesOf(modules.getValue(module)))
      }
    }

    test("nor have all of them together (no cycle through another module's packages)") {
      slices()
        .matching("io.llmgateway.(**)")
        .should()
        .beFreeOfCycles()
        .check(classesOf(*modules.values.toTypedArray()))
    }
  })
