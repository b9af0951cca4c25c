package io.llmgateway.coroutines

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.openai.suspending
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import kotlinx.coroutines.runBlocking

/**
 * A child JVM's main that builds one client ([args]: base URL, client style), makes a call with it
 * and returns without closing it. Its last line is the time main returns, then the non-daemon
 * threads still alive (the ones that would hold the JVM).
 */
object ForgottenCloseMain {
  @JvmStatic
  fun main(args: Array<String>) {
    val base = args[0]
    when (args[1]) {
      "job" -> jobs(base).health()
      "job-async" -> jobs(base).async().health().join()
      "job-suspending" -> runBlocking { jobs(base).suspending().health() }
      "hiveops" -> hive(base).chat(chat())
      "hiveops-async" -> hive(base).async().chat(chat()).join()
      "hiveops-suspending" -> runBlocking { hive(base).suspending().chat(chat()) }
      "hiveops-drop-in" -> hive(base).openAi().chat().completions().create(chat())
      else -> error("unknown client style ${args[1]}")
    }
    val holding =
      Thread.getAllStackTraces().keys.filter { !it.isDaemon && it != Thread.currentThread() }
    println("returning ${System.currentTimeMillis()} holding=${holding.map { it.name }}")
  }

  private fun jobs(base: String) =
    SaasLiteLlmClient.builder().baseUrl(base).teamId("acme").virtualKey("sk-fake-acme").build()

  private fun hive(base: String) =
    HiveOpsClient.builder().baseUrl(base).apiKey("sk-fake-hive").build()

  private fun chat() =
    ChatCompletionCreateParams.builder().model("gpt-3.5-turbo").addUserMessage("Say hi").build()
}
