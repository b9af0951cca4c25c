package io.llmgateway.reliability.architecture

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kotest.matchers.types.shouldNotBeSameInstanceAs
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import java.lang.reflect.Field
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Proxy
import java.time.Duration
import okhttp3.HttpUrl.Companion.toHttpUrl

/**
 * A built client and its `newBuilder()` variants keep their settings through the builders'
 * hand-written `copy()`. A field added to a builder and forgotten there would be lost silently:
 * this gives every field a value of its own and checks that the copy has each one, so the forgotten
 * field fails here by name.
 */
class BuilderCopySpec :
  FunSpec({
    withData(
      nameFn = { it.javaClass.simpleName },
      listOf<Any>(SaasLiteLlmClient.builder(), HiveOpsClient.builder()),
    ) { builder ->
      val fields = settingsOf(builder.javaClass)
      fields.size shouldNotBe 0
      for (field in fields) {
        assignFresh(builder, field)
      }
      val copy =
        builder.javaClass.getDeclaredMethod("copy").apply { isAccessible = true }.invoke(builder)
      for (field in fields) {
        val original = field.get(builder)
        val copied = field.get(copy)
        withClue("${builder.javaClass.simpleName}.${field.name} after copy()") {
          when {
            original is List<*> -> {
              copied shouldBe original
              copied shouldNotBeSameInstanceAs original // the copy changes apart from it
            }
            field.type.isPrimitive || original is String || original is Duration ->
              copied shouldBe original
            else -> copied shouldBeSameInstanceAs original
          }
        }
      }
    }
  })

private fun settingsOf(type: Class<*>): List<Field> =
  type.declaredFields
    .filter { !Modifier.isStatic(it.modifiers) && !it.isSynthetic }
    .onEach { it.isAccessible = true }

/** Gives [field] a value unlike its current one (or, for a list, one more element). */
private fun assignFresh(builder: Any, field: Field) {
  val current = field.get(builder)
  if (current is MutableList<*>) {
    val element = (field.genericType as ParameterizedType).actualTypeArguments[0] as Class<*>
    @Suppress("UNCHECKED_CAST") (current as MutableList<Any>).add(instanceOf(element, null))
    return
  }
  field.set(builder, instanceOf(field.type, current))
}

/**
 * A value of [type] that is not [unlike]: an edited primitive, a proxy of an interface, or what a
 * factory of the type makes.
 */
private fun instanceOf(type: Class<*>, unlike: Any?): Any =
  when {
    type == Boolean::class.javaPrimitiveType -> !(unlike as Boolean)
    type == Int::class.javaPrimitiveType -> (unlike as Int) + 1
    type == Long::class.javaPrimitiveType -> (unlike as Long) + 1
    type == String::class.java -> "${unlike ?: ""}-copied"
    type == Duration::class.java -> ((unlike as Duration?) ?: Duration.ZERO).plusSeconds(7)
    type == okhttp3.HttpUrl::class.java -> "http://copied.test/".toHttpUrl()
    type.isEnum -> type.enumConstants.first { it != unlike }
    type.isInterface ->
      Proxy.newProxyInstance(type.classLoader, arrayOf(type)) { proxy, method, args ->
        when (method.name) {
          "equals" -> proxy === args?.get(0)
          "hashCode" -> System.identityHashCode(proxy)
          "toString" -> "fresh ${type.simpleName}"
          else -> null
        }
      }
    else ->
      factoriesOf(type).firstNotNullOfOrNull { make ->
        runCatching { make() }.getOrNull()?.takeIf { it !== unlike }
      } ?: error("no way to make a fresh ${type.name}: teach instanceOf one")
  }

/**
 * The type's public no-argument constructor, static no-argument factories, and its builders'
 * `build()` (`custom().build()`).
 */
private fun factoriesOf(type: Class<*>): List<() -> Any?> =
  type.constructors.filter { it.parameterCount == 0 }.map { c -> { c.newInstance() } } +
    type.methods
      .filter { Modifier.isStatic(it.modifiers) && it.parameterCount == 0 }
      .flatMap { factory ->
        when {
          type.isAssignableFrom(factory.returnType) -> listOf({ factory.invoke(null) })
          else -> {
            val build =
              factory.returnType.methods.firstOrNull {
                it.name == "build" && it.parameterCount == 0 && type.isAssignableFrom(it.returnType)
              }
            if (build == null) emptyList() else listOf({ build.invoke(factory.invoke(null)) })
          }
        }
      }
