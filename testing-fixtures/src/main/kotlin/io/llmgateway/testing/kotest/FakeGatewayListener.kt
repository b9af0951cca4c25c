package io.llmgateway.testing.kotest

import io.kotest.core.extensions.TestCaseExtension
import io.kotest.core.test.TestCase
import io.kotest.core.test.TestType
import io.kotest.engine.test.TestResult
import io.llmgateway.testing.FakeGateway
import java.util.concurrent.ConcurrentHashMap
import kotlinx.coroutines.asContextElement
import kotlinx.coroutines.withContext

/**
 * A Kotest extension that gives each test a fresh, started [FakeGateway] and closes it afterwards.
 *
 * ```
 * class MySpec : FunSpec({
 *   val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
 *   test("creates a job") { client(fake.gateway.url()).createJob() }
 * })
 * ```
 *
 * Tests of one spec may run concurrently ([io.kotest.engine.concurrency.TestExecutionMode]): each
 * reads its own gateway, because [gateway] follows the test's coroutine, not a shared field.
 */
class FakeGatewayListener(
  private val builder: () -> FakeGateway.Builder = { FakeGateway.builder() }
) : TestCaseExtension {
  /** Set on whichever thread runs a test's coroutine, by the coroutine's context. */
  private val current = ThreadLocal<FakeGateway?>()
  private val running: MutableSet<FakeGateway> = ConcurrentHashMap.newKeySet()

  /**
   * The current test's gateway. A thread the test starts itself (outside its coroutine) gets it
   * too, as long as no other test of this spec is running at the same time.
   */
  val gateway: FakeGateway
    get() =
      current.get()
        ?: running.singleOrNull()
        ?: error(
          if (running.isEmpty()) "No gateway outside a test"
          else "${running.size} tests run at once: read the gateway in the test's own coroutine"
        )

  override suspend fun intercept(
    testCase: TestCase,
    execute: suspend (TestCase) -> TestResult,
  ): TestResult {
    if (testCase.type != TestType.Test) {
      return execute(testCase) // containers get no gateway, as with beforeEach
    }
    val gateway = builder().start()
    running += gateway
    try {
      return withContext(current.asContextElement(gateway)) { execute(testCase) }
    } finally {
      running -= gateway
      gateway.close()
    }
  }
}
