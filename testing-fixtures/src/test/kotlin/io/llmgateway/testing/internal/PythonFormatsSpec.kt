package io.llmgateway.testing.internal

import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.internal.wire.Json
import io.llmgateway.testing.internal.wire.PyFloat

class PythonFormatsSpec :
  StringSpec({
    "floats print like Python's repr" {
      mapOf(
          0.0 to "0.0",
          1.0 to "1.0",
          0.004512 to "0.004512",
          0.0001 to "0.0001",
          0.00001 to "1e-05",
          3.3e-6 to "3.3e-06",
          1.5e-7 to "1.5e-07",
          123456.5 to "123456.5",
          1e16 to "1e+16",
          -0.25 to "-0.25",
        )
        .forEach { (value, text) -> PyFloat.repr(value) shouldBe text }
    }

    "json.dumps escapes like Python, with a space after the colon" {
      PyStrings.errorEvent("a \"b\"\nc é") shouldBe "{\"error\": \"a \\\"b\\\"\\nc \\u00e9\"}"
    }

    "JSON errors are found where Python's json module finds them" {
      fun err(text: String) = PyJsonError.find(text)?.let { it.pos to it.msg }
      err("""{"a": 1}""") shouldBe null
      err("") shouldBe (0 to "Expecting value")
      err("""{"team_id": }""") shouldBe (12 to "Expecting value")
      err("""{"a" 1}""") shouldBe (5 to "Expecting ':' delimiter")
      err("""{"a": 1,}""") shouldBe (8 to "Expecting property name enclosed in double quotes")
      err("""{"a": 1 "b": 2}""") shouldBe (8 to "Expecting ',' delimiter")
      err("""{"a": "x""") shouldBe (6 to "Unterminated string starting at")
      err("""{} x""") shouldBe (3 to "Extra data")
      err("[1,]") shouldBe (3 to "Expecting value")
    }

    "JSON parsing keeps integers as Long and decimals exact" {
      Json.parse("""{"a":1,"b":1.50,"c":[null,true]}""") shouldBe
        mapOf("a" to 1L, "b" to java.math.BigDecimal("1.50"), "c" to listOf(null, true))
    }
  })
