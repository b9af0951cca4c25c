@file:JvmName("KotlinHiveOpsQuickstart")

package io.llmgateway.examples.hiveops

// region kotlin-hiveops
import io.llmgateway.coroutines.openai.chatParams
import io.llmgateway.coroutines.openai.suspending
import io.llmgateway.coroutines.textDeltas
import io.llmgateway.openai.HiveOpsClient
import kotlinx.coroutines.runBlocking

// endregion

// region kotlin-hiveops
fun main() = runBlocking {
  HiveOpsClient.builder().build().use { client -> // HIVEOPS_API_KEY, HIVEOPS_BASE_URL
    val hive = client.suspending()
    val answer = hive.chat(chatParams("gpt-4") { user("Hi") }) // mapped, priced, typed errors
    println(answer.text())
    // A cold Flow: cancelling the coroutine that collects it stops the HTTP call.
    hive.stream(chatParams("gpt-4") { user("Tell me a story") }).textDeltas().collect(::print)
    println()
    println(hive.checkBalance())
  }
}
// endregion
