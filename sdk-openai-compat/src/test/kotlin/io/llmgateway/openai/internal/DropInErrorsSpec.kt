package io.llmgateway.openai.internal

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import okhttp3.Headers

/** The drop-in error bodies kept for `HiveOpsClient.translate(e)` stay bounded. */
class DropInErrorsSpec :
  FunSpec({
    test("kept bodies stay under 1 MiB in all, and under 64 responses") {
      val kept = DropInErrors()
      repeat(10) { kept.keep(500, Headers.headersOf(), ByteArray(256 * 1024), "text/html") }
      kept.bytes() shouldBe 4L * 256 * 1024
      kept.size() shouldBe 4
      repeat(100) { kept.keep(500, Headers.headersOf(), ByteArray(10), "text/plain") }
      kept.size() shouldBe 64
      kept.bytes() shouldBe 640L
    }
  })
