package io.llmgateway.reliability.architecture

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices
import io.kotest.core.spec.style.FunSpec
import io.llmgateway.coroutines.SuspendingJobClient
import io.llmgateway.error.ErrorClassifier
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.ratelimit.redis.RedisRateLimitStore

/**
 * No package of the SDK depends on itself through others: a cycle is where "write a behaviour once"
 * quietly breaks, because neither side can move without the other. Checked over the main classes
 * (jar or classes folder) of every published runtime module.
 */
class PackageCyclesSpec :
  FunSpec({
    test("the SDK's packages have no cycles") {
      val modules =
        listOf(
            ErrorClassifier::class,
            SaasLiteLlmClient::class,
            HiveOpsClient::class,
            SuspendingJobClient::class,
            RedisRateLimitStore::class,
          )
          .map { it.java.protectionDomain.codeSource.location }
      val classes = ClassFileImporter().importUrls(modules)
      slices().matching("io.llmgateway.(**)").should().beFreeOfCycles().check(classes)
    }
  })
