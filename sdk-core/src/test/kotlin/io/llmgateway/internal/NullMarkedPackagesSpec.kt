package io.llmgateway.internal

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.llmgateway.error.LlmGatewayException
import java.io.File
import org.jspecify.annotations.NullMarked

/** Every package of sdk-core is @NullMarked, so Kotlin sees real nullable and non-null types. */
class NullMarkedPackagesSpec :
  FunSpec({
    test("every sdk-core package carries @NullMarked") {
      val root = File(LlmGatewayException::class.java.protectionDomain.codeSource.location.toURI())
      val packages =
        root
          .walkTopDown()
          .filter { it.isFile && it.name.endsWith(".class") }
          .map { it.parentFile.relativeTo(root).path.replace(File.separatorChar, '.') }
          .toSortedSet()
      packages.shouldNotBeEmpty()
      val unmarked = packages.filter { name ->
        val info = runCatching { Class.forName("$name.package-info") }.getOrNull()
        info?.getAnnotation(NullMarked::class.java) == null
      }
      unmarked.shouldBeEmpty()
    }
  })
