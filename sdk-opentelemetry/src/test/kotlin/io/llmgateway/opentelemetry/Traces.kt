package io.llmgateway.opentelemetry

import io.opentelemetry.api.common.AttributeKey
import io.opentelemetry.sdk.OpenTelemetrySdk
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter
import io.opentelemetry.sdk.trace.SdkTracerProvider
import io.opentelemetry.sdk.trace.data.SpanData
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor

/**
 * An OpenTelemetry SDK that keeps every ended span in memory, as a user's exporter would see it.
 */
class Traces {
  val exporter: InMemorySpanExporter = InMemorySpanExporter.create()
  val sdk: OpenTelemetrySdk =
    OpenTelemetrySdk.builder()
      .setTracerProvider(
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()
      )
      .build()

  fun spans(): List<SpanData> = exporter.finishedSpanItems

  /** Ended call spans, in the order they ended. */
  fun calls(): List<SpanData> = spans().filter { it[SpanAttributes.LLMGW_REQUEST_ID] != null }

  /** The attempt spans under [call], first attempt first. */
  fun attemptsOf(call: SpanData): List<SpanData> =
    spans()
      .filter { it.parentSpanId == call.spanId && it[SpanAttributes.LLMGW_ATTEMPT] != null }
      .sortedBy { it[SpanAttributes.LLMGW_ATTEMPT] }
}

operator fun <T : Any> SpanData.get(key: AttributeKey<T>): T? = attributes.get(key)

fun SpanData.durationMillis(): Long = (endEpochNanos - startEpochNanos) / 1_000_000
