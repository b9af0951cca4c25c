package io.llmgateway.testing.junit;

import io.llmgateway.testing.FakeGateway;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh, started {@link FakeGateway} and closes it afterwards. Register it as a
 * field, or with {@code @ExtendWith} for the defaults; test methods may take the gateway as a
 * parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeGatewayExtension GATEWAY =
 *     FakeGatewayExtension.with(() -> FakeGateway.builder().mode(SaasMode.REAL_SERVER));
 *
 * @Test
 * void createsAJob(FakeGateway gateway) { ... }
 * }</pre>
 */
public final class FakeGatewayExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeGatewayExtension.class);

  private final Supplier<FakeGateway.Builder> builder;
  private volatile @Nullable FakeGateway current;

  /** The defaults: documented mode, the default seed, a fresh FakeClock per test. */
  public FakeGatewayExtension() {
    this(FakeGateway::builder);
  }

  private FakeGatewayExtension(Supplier<FakeGateway.Builder> builder) {
    this.builder = builder;
  }

  /** Each test gets a gateway from a new builder made by {@code builder}. */
  public static FakeGatewayExtension with(Supplier<FakeGateway.Builder> builder) {
    return new FakeGatewayExtension(builder);
  }

  /**
   * The current test's gateway, for tests that run one at a time: it is one field shared by the
   * class's tests. Under JUnit's parallel execution take the gateway as a test parameter instead,
   * which comes from the test's own context.
   */
  public FakeGateway gateway() {
    FakeGateway gateway = current;
    if (gateway == null) {
      throw new IllegalStateException("No gateway outside a test");
    }
    return gateway;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FakeGateway gateway = builder.get().start();
    current = gateway;
    context.getStore(NAMESPACE).put("gateway", gateway);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    current = null;
    // Closed here rather than by the store, which closes AutoCloseables only since JUnit 5.13.
    FakeGateway gateway = context.getStore(NAMESPACE).remove("gateway", FakeGateway.class);
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeGateway.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // From the test's own store, so parallel tests never see each other's gateway.
    Object gateway = context.getStore(NAMESPACE).get("gateway");
    return gateway != null ? gateway : gateway();
  }
}
