package io.llmgateway.androidcheck

import com.android.tools.r8.ClassFileConsumer
import com.android.tools.r8.CompilationMode
import com.android.tools.r8.Diagnostic
import com.android.tools.r8.DiagnosticsHandler
import com.android.tools.r8.DiagnosticsLevel
import com.android.tools.r8.JdkClassFileProvider
import com.android.tools.r8.R8
import com.android.tools.r8.R8Command
import com.android.tools.r8.Version
import com.android.tools.r8.origin.Origin
import java.io.File
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

/**
 * Shrinks an app with R8 in full mode for the JVM (class files out, the running JDK and [library]
 * jars as library), as an Android build would: the program jars' own consumer rules, and for the
 * app nothing but the rules it is given.
 */
class Shrinker(private val work: File) {
  /** What R8 warned about, for the failure message. */
  val warnings = mutableListOf<String>()

  /** The rule files R8 was given, as "jar!name". */
  val rules = mutableListOf<String>()

  fun shrink(program: List<File>, library: List<File>, appRules: String, output: File): File {
    val jars = program.map { if (it.isDirectory) jarOf(it) else it }
    val builder =
      R8Command.builder(Handler())
        .setMode(CompilationMode.RELEASE)
        .setProguardCompatibility(false) // full mode, the Android Gradle Plugin's default
        .addLibraryResourceProvider(JdkClassFileProvider.fromSystemJdk())
        .addLibraryFiles(library.map { it.toPath() })
        .addProgramFiles(jars.map { it.toPath() })
        .addProguardConfiguration(listOf(appRules), Origin.unknown())
        .setProgramConsumer(ClassFileConsumer.ArchiveConsumer(output.toPath(), true))
    for (jar in jars) {
      for ((name, text) in ConsumerRules.of(jar, Version.getVersionString())) {
        rules += "${jar.name}!$name"
        builder.addProguardConfiguration(listOf(text), Origin.unknown())
      }
    }
    R8.run(builder.build())
    return output
  }

  // A reactor module resolved to its class folder: R8 takes archives.
  private fun jarOf(dir: File): File {
    val jar = File(work, "${dir.absoluteFile.parentFile.parentFile.name}.jar")
    ZipOutputStream(jar.outputStream()).use { zip ->
      dir
        .walkTopDown()
        .filter { it.isFile }
        .forEach {
          zip.putNextEntry(ZipEntry(it.relativeTo(dir).invariantSeparatorsPath))
          it.inputStream().use { s -> s.copyTo(zip) }
          zip.closeEntry()
        }
    }
    return jar
  }

  private inner class Handler : DiagnosticsHandler {
    override fun warning(warning: Diagnostic) {
      warnings += warning.diagnosticMessage
    }

    override fun info(info: Diagnostic) {}

    // The Android classes Retrofit uses only on Android are in android.jar, which an app build
    // has and this JVM build has not: their absence is no error here. Any other missing class is.
    override fun modifyDiagnosticsLevel(level: DiagnosticsLevel, diagnostic: Diagnostic) =
      if (level == DiagnosticsLevel.ERROR && onlyAndroidMissing(diagnostic.diagnosticMessage)) {
        DiagnosticsLevel.WARNING
      } else {
        level
      }

    private fun onlyAndroidMissing(message: String): Boolean {
      val missing = Regex("Missing class (\\S+)").findAll(message).map { it.groupValues[1] }
      return missing.any() && missing.all { it.startsWith("android.") }
    }
  }
}
