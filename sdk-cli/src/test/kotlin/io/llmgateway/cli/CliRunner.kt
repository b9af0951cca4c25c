package io.llmgateway.cli

import io.llmgateway.cli.console.Env
import io.llmgateway.cli.console.Json
import io.llmgateway.pipeline.Sleeper
import java.io.PrintWriter
import java.io.StringWriter
import java.time.Clock

/** What one in-process run of llmgw printed and returned. */
data class CliRun(val exit: Int, val out: String, val err: String) {
  /** stdout's last line as a JSON object (`--json` prints one object per result). */
  fun json(): Map<String, Any?> = Json.read(out.trim().lines().last())

  @Suppress("UNCHECKED_CAST") fun error(): Map<String, Any?> = json()["error"] as Map<String, Any?>
}

/**
 * Runs llmgw in-process with captured streams, the given environment and no real sleeps; pass the
 * fake gateway's clock and a sleeper that moves it when the run must wait out the fake's windows.
 */
fun runCli(
  vararg args: String,
  env: Map<String, String> = emptyMap(),
  clock: Clock = Clock.systemUTC(),
  sleeper: Sleeper = Sleeper {},
): CliRun {
  val out = StringWriter()
  val err = StringWriter()
  val cliEnv = Env(PrintWriter(out, true), PrintWriter(err, true), env, sleeper, clock)
  val exit = Cli.execute(cliEnv, *args)
  return CliRun(exit, out.toString(), err.toString())
}
