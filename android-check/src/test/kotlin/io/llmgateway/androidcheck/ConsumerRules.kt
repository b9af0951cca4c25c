package io.llmgateway.androidcheck

import java.io.File
import java.util.zip.ZipFile

/**
 * The keep rules a jar ships for its consumers, chosen as the Android Gradle Plugin chooses them:
 * the R8-specific ones under `META-INF/com.android.tools/r8*` for this R8 version when the jar has
 * any, else the generic ones under `META-INF/proguard/`.
 */
object ConsumerRules {
  /** Each rule file of [jar], by its name inside the jar. */
  fun of(jar: File, r8Version: String): Map<String, String> =
    ZipFile(jar).use { zip ->
      val files =
        zip
          .entries()
          .asSequence()
          .filter { !it.isDirectory }
          .associate {
            it.name to zip.getInputStream(it).use { s -> s.readBytes().decodeToString() }
          }
      val r8Specific = files.filterKeys { name ->
        val dir = name.substringBeforeLast('/', "")
        dir.startsWith(R8_DIR) && dirMatches(dir.removePrefix(R8_DIR), r8Version)
      }
      val anyR8Specific = files.keys.any { it.startsWith(R8_DIR) }
      if (anyR8Specific) r8Specific else files.filterKeys { it.startsWith("META-INF/proguard/") }
    }

  private const val R8_DIR = "META-INF/com.android.tools/r8"

  // "", "-from-8.0.0", "-upto-8.1.0" or "-from-8.0.0-upto-8.1.0": from is inclusive, upto is not.
  private fun dirMatches(range: String, version: String): Boolean {
    val from = Regex("-from-([^-]+)").find(range)?.groupValues?.get(1)
    val upto = Regex("-upto-([^-]+)").find(range)?.groupValues?.get(1)
    return (from == null || compare(version, from) >= 0) &&
      (upto == null || compare(version, upto) < 0)
  }

  private fun compare(a: String, b: String): Int {
    val x = a.split('.').map { it.takeWhile(Char::isDigit).toIntOrNull() ?: 0 }
    val y = b.split('.').map { it.takeWhile(Char::isDigit).toIntOrNull() ?: 0 }
    for (i in 0 until maxOf(x.size, y.size)) {
      val c = x.getOrElse(i) { 0 }.compareTo(y.getOrElse(i) { 0 })
      if (c != 0) return c
    }
    return 0
  }
}
