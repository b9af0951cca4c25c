package io.llmgateway.reliability.logs

import java.util.Collections
import java.util.logging.Handler
import java.util.logging.LogRecord
import org.slf4j.ILoggerFactory
import org.slf4j.IMarkerFactory
import org.slf4j.Marker
import org.slf4j.event.Level
import org.slf4j.event.LoggingEvent
import org.slf4j.helpers.BasicMarkerFactory
import org.slf4j.helpers.LegacyAbstractLogger
import org.slf4j.helpers.MessageFormatter
import org.slf4j.helpers.NOPMDCAdapter
import org.slf4j.spi.LoggingEventAware
import org.slf4j.spi.MDCAdapter
import org.slf4j.spi.SLF4JServiceProvider

/**
 * Every log line the suite's JVM writes, SLF4J (through [CapturingProvider]) and java.util.logging
 * alike, as the text a log sink would print: the canary checks read it.
 */
object CapturedLogs {
  private val lines: MutableList<String> = Collections.synchronizedList(mutableListOf())

  init {
    java.util.logging.Logger.getLogger("")
      .addHandler(
        object : Handler() {
          override fun publish(record: LogRecord) {
            add("JUL ${record.level} ${record.loggerName} ${record.message} ${record.thrown}")
          }

          override fun flush() = Unit

          override fun close() = Unit
        }
      )
  }

  /** Installs the java.util.logging handler (SLF4J needs nothing: it finds the provider). */
  fun install() = Unit

  fun add(line: String) {
    lines += line
  }

  fun all(): List<String> = synchronized(lines) { lines.toList() }
}

/** Registered in META-INF/services so SLF4J sends every logger of the SDK here. */
class CapturingProvider : SLF4JServiceProvider {
  private val factory = ILoggerFactory { name -> CapturingLogger(name) }
  private val markers = BasicMarkerFactory()
  private val mdc = NOPMDCAdapter()

  override fun getLoggerFactory(): ILoggerFactory = factory

  override fun getMarkerFactory(): IMarkerFactory = markers

  override fun getMDCAdapter(): MDCAdapter = mdc

  override fun getRequestedApiVersion(): String = "2.0.99"

  override fun initialize() = Unit
}

private class CapturingLogger(name: String) : LegacyAbstractLogger(), LoggingEventAware {
  init {
    this.name = name
  }

  override fun log(event: LoggingEvent) {
    val message = MessageFormatter.basicArrayFormat(event.message, event.argumentArray)
    val kv = event.keyValuePairs.orEmpty().joinToString(" ") { "${it.key}=${it.value}" }
    CapturedLogs.add("${event.level} $name $message $kv ${event.throwable ?: ""}")
  }

  override fun handleNormalizedLoggingCall(
    level: Level,
    marker: Marker?,
    messagePattern: String?,
    arguments: Array<out Any?>?,
    throwable: Throwable?,
  ) {
    val message = MessageFormatter.basicArrayFormat(messagePattern, arguments)
    CapturedLogs.add("$level $name $message ${throwable ?: ""}")
  }

  override fun getFullyQualifiedCallerName(): String? = null

  override fun isTraceEnabled() = true

  override fun isTraceEnabled(marker: Marker?) = true

  override fun isDebugEnabled() = true

  override fun isDebugEnabled(marker: Marker?) = true

  override fun isInfoEnabled() = true

  override fun isInfoEnabled(marker: Marker?) = true

  override fun isWarnEnabled() = true

  override fun isWarnEnabled(marker: Marker?) = true

  override fun isErrorEnabled() = true

  override fun isErrorEnabled(marker: Marker?) = true
}
