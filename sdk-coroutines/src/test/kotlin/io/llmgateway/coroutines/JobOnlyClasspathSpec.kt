package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.jobs.SaasLiteLlmClient
import java.io.File
import java.net.URLClassLoader
import kotlinx.coroutines.runBlocking

/**
 * sdk-openai-compat is an optional dependency: a job-API user has no OpenAI class at all, and the
 * job client's suspending form must never need one.
 */
class JobOnlyClasspathSpec :
  FunSpec({
    test("the suspending job client works with no OpenAI class on the classpath") {
      val classpath =
        (System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path"))
          .split(File.pathSeparator)
          .filter { it.isNotBlank() }
      val jobOnly = classpath.filterNot {
        it.contains("/com/openai/") || it.contains("sdk-openai-compat")
      }
      // The OpenAI SDK's jars and sdk-openai-compat were there, and are gone.
      (classpath.size - jobOnly.size) shouldBeGreaterThan 1
      fake().use { gateway ->
        URLClassLoader(
            jobOnly.map { File(it).toURI().toURL() }.toTypedArray(),
            ClassLoader.getPlatformClassLoader(),
          )
          .use { isolated ->
            shouldThrow<ClassNotFoundException> {
              Class.forName("com.openai.client.OpenAIClient", false, isolated)
            }
            shouldThrow<ClassNotFoundException> {
              Class.forName("io.llmgateway.openai.HiveOpsClient", false, isolated)
            }
            val probe = isolated.loadClass(JobOnlyProbe::class.java.name)
            probe.classLoader shouldBe isolated
            val text =
              probe.getMethod("run", String::class.java).invoke(null, gateway.saasBaseUrl())
            (text as String) shouldStartWith "Fake"
          }
      }
    }
  })

/** Runs in a class loader without OpenAI classes: a job block with a call and a stream. */
object JobOnlyProbe {
  @JvmStatic
  fun run(baseUrl: String): String = runBlocking {
    SaasLiteLlmClient.builder()
      .baseUrl(baseUrl)
      .teamId("acme")
      .virtualKey("sk-fake-acme")
      .build()
      .suspending()
      .job("isolated") { llmCall(question()).content() + llmCallStream(question()).collectText() }
      .value()
  }
}
