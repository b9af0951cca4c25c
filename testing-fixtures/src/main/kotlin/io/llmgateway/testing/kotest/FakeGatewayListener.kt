package io.llmgateway.testing.kotest

import io.kotest.core.listeners.AfterEachListener
import io.kotest.core.listeners.BeforeEachListener
import io.kotest.core.test.TestCase
import io.kotest.engine.test.TestResult
import io.llmgateway.testing.FakeGateway

/**
 * A Kotest extension that gives each test a fresh, started [FakeGateway] and closes it afterwards.
 *
 * ```
 * class MySpec : FunSpec({
 *   val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
 *   test("creates a job") { client(fake.gateway.url()).createJob() }
 * })
 * ```
 */
class FakeGatewayListener(
  private val builder: () -> FakeGateway.Builder = { FakeGateway.builder() }
) : BeforeEachListener, AfterEachListener {
  @Volatile private var current: FakeGateway? = null

  /** The current test's gateway. */
  val gateway: FakeGateway
    get() = checkNotNull(current) { "No gateway outside a test" }

  override suspend fun beforeEach(testCase: TestCase) {
    current = builder().start()
  }

  override suspend fun afterEach(testCase: TestCase, result: TestResult) {
    current?.close()
    current = null
  }
}
