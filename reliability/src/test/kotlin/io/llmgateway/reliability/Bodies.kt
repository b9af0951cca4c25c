package io.llmgateway.reliability

import io.llmgateway.testing.fault.Fault
import java.util.concurrent.TimeUnit

/** Wire bodies the fault matrix sends where the fake's own answers do not cover a shape. */
object Bodies {
  fun chunk(text: String, finish: String? = null): String {
    val reason = if (finish == null) "null" else "\"$finish\""
    return "data: {\"id\":\"chatcmpl-r\",\"object\":\"chat.completion.chunk\",\"created\":1," +
      "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"$text\"}," +
      "\"finish_reason\":$reason}]}\n\n"
  }

  /** A 200 SSE answer with exactly [events], nothing else. */
  fun sse(events: String): Fault =
    Fault.status(200, events)
      .withHeader("Content-Type", "text/event-stream; charset=utf-8")
      .withHeader("Cache-Control", "no-cache")

  /** [events] sent 200 bytes at a time with [Matrix.STALL] between: a stream that goes quiet. */
  fun stalling(events: String): Fault = Fault { context ->
    sse(events).respond(context).throttleBody(200, Matrix.STALL.toMillis(), TimeUnit.MILLISECONDS)
  }

  fun plainText(status: Int, text: String): Fault =
    Fault.status(status, text).withHeader("Content-Type", "text/plain; charset=utf-8")

  fun pydanticV2(echo: String): String =
    "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"messages\"],\"msg\":\"Field required\"," +
      "\"input\":{\"model\":\"chat-fast\",\"api_key\":\"$echo\"}}]}"

  const val PYDANTIC_V1: String =
    "{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\"," +
      "\"type\":\"value_error.missing\"}]}"
}
