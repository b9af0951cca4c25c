package io.llmgateway.logging

import java.util.Collections
import org.slf4j.Marker
import org.slf4j.event.Level
import org.slf4j.event.LoggingEvent
import org.slf4j.helpers.LegacyAbstractLogger
import org.slf4j.helpers.MessageFormatter
import org.slf4j.spi.LoggingEventAware

/** An SLF4J logger that keeps every record, with its key-values, in memory. */
class CapturingLogger(private val debug: Boolean = true) :
  LegacyAbstractLogger(), LoggingEventAware {
  data class Record(
    val level: Level,
    val message: String,
    val keyValues: Map<String, Any?>,
    val throwable: Throwable?,
  ) {
    /** Everything a log sink could print. */
    fun text(): String = "$level $message $keyValues ${throwable?.toString() ?: ""}"
  }

  val records: MutableList<Record> = Collections.synchronizedList(mutableListOf())

  init {
    name = "capturing"
  }

  override fun log(event: LoggingEvent) {
    val message = MessageFormatter.basicArrayFormat(event.message, event.argumentArray)
    val kv = event.keyValuePairs.orEmpty().associate { it.key to it.value }
    records += Record(event.level, message ?: "", kv, event.throwable)
  }

  override fun handleNormalizedLoggingCall(
    level: Level,
    marker: Marker?,
    messagePattern: String?,
    arguments: Array<out Any?>?,
    throwable: Throwable?,
  ) {
    val message = MessageFormatter.basicArrayFormat(messagePattern, arguments) ?: ""
    records += Record(level, message, emptyMap(), throwable)
  }

  override fun getFullyQualifiedCallerName(): String? = null

  override fun isTraceEnabled() = debug

  override fun isDebugEnabled() = debug

  override fun isInfoEnabled() = true

  override fun isWarnEnabled() = true

  override fun isErrorEnabled() = true

  fun all(): List<Record> = synchronized(records) { records.toList() }
}
