package io.llmgateway.coroutines.internal

import io.llmgateway.stream.StreamAccumulator
import kotlinx.coroutines.channels.Channel

/** What a stream's reader thread (okhttp-sse's, the OpenAI SDK's) hands to the collector. */
internal sealed class StreamSignal {
  /** One `data:` payload: a chunk, `[DONE]` or an error event. */
  class Data(val payload: String) : StreamSignal()

  /** The connection failed; the typed error when it came from the gateway or the transport. */
  class Failed(val error: Throwable) : StreamSignal()

  /** The server ended the body. */
  object Ended : StreamSignal()
}

/**
 * One attempt's stream, whichever client opened it: its signals, the accumulator that reads them,
 * how to stop it, and what to do once it completed.
 */
internal class StreamSession(
  val accumulator: StreamAccumulator,
  val cancel: () -> Unit,
  val completed: () -> Unit = {},
) {
  /** Unlimited, so a reader thread never blocks on a slow collector. */
  val signals: Channel<StreamSignal> = Channel(Channel.UNLIMITED)
}
