package io.llmgateway.testing.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.SaasMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The zero-configuration form: {@code @ExtendWith} gives the defaults. */
@ExtendWith(FakeGatewayExtension.class)
class FakeGatewayExtendWithTest {
  @Test
  void injectsADocumentedModeGatewayOnLoopback(FakeGateway gateway) {
    assertEquals(SaasMode.DOCUMENTED, gateway.mode());
    assertTrue(gateway.url().startsWith("http://127.0.0.1:"), gateway.url());
    assertTrue(gateway.state().jobs().isEmpty());
  }
}
