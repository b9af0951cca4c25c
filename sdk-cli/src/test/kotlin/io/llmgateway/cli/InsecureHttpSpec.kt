package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.internal.Cleartext
import io.llmgateway.testing.FakeGateway
import java.net.Inet4Address
import java.net.InetAddress
import java.net.NetworkInterface

/**
 * A self-hosted gateway on plain http: refused by default (the key would cross the network in
 * clear), reached with --allow-insecure-http. The fake listens on an address this machine reaches
 * by a name that is not a loopback literal, so the clients treat it as a remote host.
 */
class InsecureHttpSpec :
  FunSpec({
    val (host, address) = remoteLookingHost()
    val fake = FakeGateway.builder().host(address).start()
    afterSpec { fake.close() }
    val url = "http://$host:${fake.port()}"
    val acme = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-acme", "SAAS_LITELLM_TEAM_ID" to "acme")

    test("plain http to another host is refused, naming the flag that allows it") {
      val run = runCli("chat", "--json", "--base-url", url, "hi", env = acme)
      run.exit shouldBe 2
      (run.error()["message"] as String) shouldContain "--allow-insecure-http"
      fake.requests().size shouldBe 0
    }

    test("--allow-insecure-http reaches a self-hosted gateway on plain http") {
      val run =
        runCli("chat", "--json", "--allow-insecure-http", "--base-url", url, "hi", env = acme)
      run.exit shouldBe 0
      run.json()["text"] shouldBe "Fake reply to: hi"
    }

    test("doctor fails the plain-http base URL, and passes it with the flag and a warning") {
      runCli("doctor", "--base-url", url, env = acme).out shouldContain
        Regex("FAIL +base URL .*plain http")
      val allowed = runCli("doctor", "--allow-insecure-http", "--base-url", url, env = acme)
      allowed.exit shouldBe 0
      allowed.out shouldContain Regex("PASS +base URL .*the key travels unencrypted")
    }
  })

/** A name for this machine that is not a loopback literal, and the address it stands for. */
private fun remoteLookingHost(): Pair<String, String> {
  val local = InetAddress.getLocalHost()
  if (!Cleartext.isLoopback(local.hostName)) {
    return local.hostName to local.hostAddress
  }
  val address =
    NetworkInterface.networkInterfaces()
      .toList()
      .filter { it.isUp && !it.isLoopback }
      .flatMap { it.inetAddresses().toList() }
      .first { it is Inet4Address }
  return address.hostAddress to address.hostAddress
}
