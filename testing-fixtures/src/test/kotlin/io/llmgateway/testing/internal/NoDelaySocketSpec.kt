package io.llmgateway.testing.internal

import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.internal.wire.NoDelayServerSocketFactory
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.Socket

class NoDelaySocketSpec :
  StringSpec({
    "accepted sockets have TCP_NODELAY, so small responses skip the delayed-ACK wait" {
      NoDelayServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress()).use {
        server ->
        Socket().use { client ->
          client.connect(InetSocketAddress(InetAddress.getLoopbackAddress(), server.localPort))
          server.accept().use { accepted -> accepted.tcpNoDelay shouldBe true }
        }
      }
    }
  })
