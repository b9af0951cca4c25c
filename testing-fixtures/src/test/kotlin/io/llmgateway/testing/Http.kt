package io.llmgateway.testing

import java.io.IOException
import java.util.concurrent.TimeUnit
import okhttp3.Headers
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

/** What a test saw: status, headers, and the whole body as text. */
data class Reply(val status: Int, val headers: Headers, val body: String) {
  fun header(name: String): String? = headers[name]
}

/** A small real-HTTP client for specs: OkHttp, no retries, short timeouts. */
class Http(
  private val base: String,
  private val key: String? = null,
  readTimeoutMillis: Long = 5_000,
) {
  val client: OkHttpClient =
    OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
      .build()

  fun withKey(key: String?): Http = Http(base, key)

  fun get(path: String): Reply = send("GET", path, null)

  fun post(path: String, json: String): Reply = send("POST", path, json)

  fun patch(path: String, json: String): Reply = send("PATCH", path, json)

  @Throws(IOException::class)
  fun send(method: String, path: String, json: String?): Reply {
    val builder = Request.Builder().url(base + path)
    if (key != null) builder.header("Authorization", "Bearer $key")
    val body = json?.toRequestBody("application/json".toMediaType())
    builder.method(method, body ?: if (method == "POST") ByteArray(0).toRequestBody() else null)
    client.newCall(builder.build()).execute().use { response ->
      return Reply(response.code, response.headers, response.body!!.string())
    }
  }
}

/** Pulls one JSON string field out of a body, for ids in follow-up requests. */
fun Reply.field(name: String): String =
  Regex("\"$name\":\"([^\"]*)\"").find(body)?.groupValues?.get(1) ?: error("no $name in $body")

const val ACME = "sk-fake-acme"
const val HIVE = "sk-fake-hive"

fun chatBody(model: String, text: String = "hello there", extra: String = ""): String =
  """{"model":"$model","messages":[{"role":"user","content":"$text"}]$extra}"""

fun createJobBody(team: String = "acme", type: String = "demo"): String =
  """{"team_id":"$team","job_type":"$type"}"""
