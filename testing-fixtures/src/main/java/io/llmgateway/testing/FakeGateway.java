package io.llmgateway.testing;

import io.llmgateway.testing.fault.FaultScript;
import io.llmgateway.testing.fault.Latency;
import io.llmgateway.testing.internal.GatewayOptions;
import io.llmgateway.testing.internal.HiveKeyState;
import io.llmgateway.testing.internal.Store;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.dispatch.GatewayDispatcher;
import io.llmgateway.testing.internal.wire.NoDelayServerSocketFactory;
import io.llmgateway.testing.seed.Seed;
import io.llmgateway.testing.state.GatewaySnapshot;
import io.llmgateway.testing.state.ReceivedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.jspecify.annotations.Nullable;

/**
 * A fake gateway on a real socket: the SaaS LiteLLM job API under {@code /api/...} and {@code
 * /health}, and the HiveOps API (OpenAI-compatible) at {@code /chat/completions}, {@code /models},
 * {@code /models/{id}} and their {@code /v1} forms, on one port; every other path is HiveOps'
 * (OpenAI's 404). It keeps state, fails on command ({@link #faults()}), and shows what it saw
 * ({@link #state()}, {@link #requests()}). Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (FakeGateway gateway = FakeGateway.builder().mode(SaasMode.REAL_SERVER).start()) {
 *   String base = gateway.url(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class FakeGateway implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final NoDelayServerSocketFactory sockets = new NoDelayServerSocketFactory();
  private final Store store;
  private final GatewayDispatcher dispatcher;
  private final FaultScript faults = new FaultScript();
  private final SaasMode mode;
  private final HiveOpsMode hiveOpsMode;
  private @Nullable InetAddress bound;

  private FakeGateway(Builder builder) {
    Clock clock = builder.clock != null ? builder.clock : new FakeClock();
    this.mode = builder.mode;
    this.hiveOpsMode = builder.hiveOpsMode;
    GatewayOptions options =
        new GatewayOptions(
            mode == SaasMode.DOCUMENTED,
            clock,
            builder.llmCallStreamHeadBug,
            builder.saasRateWindow,
            builder.hiveOpsRateWindow,
            builder.hiveOpsRequests,
            builder.hiveOpsTokens,
            hiveOpsMode == HiveOpsMode.OPENAI,
            builder.saasLatency,
            builder.hiveOpsLatency,
            builder.latencySeed);
    Seed seed = builder.seed != null ? builder.seed : Seed.defaults(clock.instant());
    this.store = new Store(options, seed);
    this.dispatcher =
        new GatewayDispatcher(store, faults, builder.recordRequests, this::dropServerCopy);
    server.setServerSocketFactory(sockets);
    server.setDispatcher(dispatcher);
  }

  /** MockWebServer queues every request too; ours are in {@link #requests()}, so drop its copy. */
  private void dropServerCopy() {
    try {
      server.takeRequest(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A gateway with the defaults (documented mode, default seed, a {@link FakeClock}), started. */
  public static FakeGateway start() {
    return builder().start();
  }

  /** Starts a fake with its SaaS LiteLLM side in {@code mode}, on a free loopback port. */
  public static FakeGateway start(SaasMode mode) {
    return builder().mode(mode).start();
  }

  private FakeGateway listen(String host, int port) {
    try {
      bound = InetAddress.getByName(host);
      server.start(bound, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the fake gateway on port " + port, e);
    }
    return this;
  }

  /** The base URL of both personalities, without a trailing slash: {@code http://127.0.0.1:P}. */
  public String url() {
    // The literal bound address, not MockWebServer's host name ("localhost" may mean ::1).
    String address = bound == null ? server.getHostName() : bound.getHostAddress();
    return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port();
  }

  /** Base URL for SaaS LiteLLM clients (paths start at the root, e.g. {@code /api/jobs/create}). */
  public String saasBaseUrl() {
    return url();
  }

  /**
   * Base URL for HiveOps / OpenAI clients ({@code /chat/completions} and {@code /v1/...} both
   * work).
   */
  public String hiveOpsBaseUrl() {
    return url();
  }

  public int port() {
    return server.getPort();
  }

  public SaasMode mode() {
    return mode;
  }

  public HiveOpsMode hiveOpsMode() {
    return hiveOpsMode;
  }

  public Clock clock() {
    return store.options.clock();
  }

  /** The injected clock, when it is a {@link FakeClock} (the default). */
  public FakeClock fakeClock() {
    if (clock() instanceof FakeClock fake) {
      return fake;
    }
    throw new IllegalStateException("This gateway runs on " + clock() + ", not a FakeClock");
  }

  /** The fault script: {@code faults().on("POST", "/chat/completions").next(...)}. */
  public FaultScript faults() {
    return faults;
  }

  /** An immutable snapshot of teams, jobs, calls, credit transactions and HiveOps keys. */
  public GatewaySnapshot state() {
    synchronized (store) {
      return store.snapshot();
    }
  }

  /**
   * Every request received so far, oldest first (faulted ones included). This replaces
   * MockWebServer's {@code takeRequest()}, whose queue the gateway keeps empty.
   */
  public List<ReceivedRequest> requests() {
    return dispatcher.received();
  }

  /** Forgets the requests received so far. */
  /**
   * How many recorded requests had {@code method} and a path (query left out) ending with {@code
   * pathSuffix}, e.g. {@code requestsTo("POST", "/complete")}.
   */
  public int requestsTo(String method, String pathSuffix) {
    int n = 0;
    for (ReceivedRequest r : requests()) {
      String path = r.path();
      int query = path.indexOf('?');
      if (r.method().equals(method)
          && (query < 0 ? path : path.substring(0, query)).endsWith(pathSuffix)) {
        n++;
      }
    }
    return n;
  }

  public void clearRequests() {
    dispatcher.clearReceived();
  }

  public ReceivedRequest lastRequest() {
    List<ReceivedRequest> all = requests();
    if (all.isEmpty()) {
      throw new NoSuchElementException("No request received yet");
    }
    return all.get(all.size() - 1);
  }

  /** Sets a team's status ({@code active}, {@code suspended}, {@code paused}). */
  public void setTeamStatus(String teamId, String status) {
    synchronized (store) {
      team(teamId).status = status;
    }
  }

  /** Allocates more credits to a team (negative to take some away). */
  public void addCredits(String teamId, long credits) {
    synchronized (store) {
      team(teamId).creditsAllocated += credits;
    }
  }

  public void setHiveOpsBalance(String key, BigDecimal balanceUsd) {
    synchronized (store) {
      HiveKeyState state = store.hiveKeys.get(key);
      if (state == null) {
        throw new NoSuchElementException("No HiveOps key " + key);
      }
      state.balanceUsd = balanceUsd;
    }
  }

  private TeamState team(String teamId) {
    TeamState team = store.teams.get(teamId);
    if (team == null) {
      throw new NoSuchElementException("No team " + teamId);
    }
    return team;
  }

  /**
   * Connections the gateway still holds open. It closes a connection when the client hangs up
   * (noticed at its next write), so a test can check that a cancelled stream really went away.
   */
  public int openConnections() {
    return sockets.openConnections();
  }

  /**
   * The MockWebServer underneath, for anything the fault script does not cover. Its {@code
   * takeRequest()} queue is kept empty: read {@link #requests()} instead.
   */
  public MockWebServer server() {
    return server;
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "FakeGateway[" + mode() + " at " + url() + "]";
  }

  /** Configures a gateway; {@link #start()} binds it to a loopback port. */
  public static final class Builder {
    private SaasMode mode = SaasMode.DOCUMENTED;
    private @Nullable Clock clock;
    private @Nullable Seed seed;
    private boolean llmCallStreamHeadBug;
    private Duration saasRateWindow = Duration.ofMinutes(1);
    private Duration hiveOpsRateWindow = Duration.ofMinutes(1);
    private int hiveOpsRequests = 60;
    private int hiveOpsTokens = 150_000;
    private HiveOpsMode hiveOpsMode = HiveOpsMode.HIVEOPS;
    private Latency saasLatency = Latency.none();
    private Latency hiveOpsLatency = Latency.none();
    private long latencySeed = 42;
    private String host = "127.0.0.1";
    private int port;
    private boolean recordRequests = true;

    private Builder() {}

    /**
     * Whether {@link FakeGateway#requests()} keeps every request (default true; benchmarks may
     * not).
     */
    public Builder recordRequests(boolean enabled) {
      this.recordRequests = enabled;
      return this;
    }

    public Builder mode(SaasMode mode) {
      this.mode = mode;
      return this;
    }

    /** The clock for rate windows, key expiry and timestamps; default a new {@link FakeClock}. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder seed(Seed seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Real-server mode only: llm-call-stream answers with the single TypeError event of the
     * server's HEAD (spec 3.5) instead of the intended pass-through stream.
     */
    public Builder llmCallStreamHeadBug(boolean enabled) {
      this.llmCallStreamHeadBug = enabled;
      return this;
    }

    /** The HiveOps per-key window (default one minute; benchmarks use shorter ones). */
    public Builder hiveOpsRateWindow(Duration window) {
      this.hiveOpsRateWindow = window;
      return this;
    }

    /** HiveOps requests and tokens allowed per key and window (default 60 and 150,000). */
    public Builder hiveOpsLimits(int requestsPerWindow, int tokensPerWindow) {
      this.hiveOpsRequests = requestsPerWindow;
      this.hiveOpsTokens = tokensPerWindow;
      return this;
    }

    /**
     * Where the HiveOps personality follows the HiveOps docs (default) or the OpenAI API, where the
     * two differ: rate-limit resets, an empty balance, an unknown model.
     */
    public Builder hiveOpsMode(HiveOpsMode mode) {
      this.hiveOpsMode = mode;
      return this;
    }

    /** The real-clock latency of both personalities (default {@link Latency#none()}). */
    public Builder latency(Latency latency) {
      this.saasLatency = latency;
      this.hiveOpsLatency = latency;
      return this;
    }

    /** The real-clock latency of the SaaS LiteLLM personality only. */
    public Builder saasLatency(Latency latency) {
      this.saasLatency = latency;
      return this;
    }

    /** The real-clock latency of the HiveOps personality only. */
    public Builder hiveOpsLatency(Latency latency) {
      this.hiveOpsLatency = latency;
      return this;
    }

    /** The seed of the latency jitter (default 42): the n-th request gets the n-th draw. */
    public Builder latencySeed(long seed) {
      this.latencySeed = seed;
      return this;
    }

    /** The documented-mode per-team window (default one minute); limits come from the seed. */
    public Builder saasRateWindow(Duration window) {
      this.saasRateWindow = window;
      return this;
    }

    /** The address to bind; default loopback. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; default 0, an ephemeral one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Builds the gateway and starts it listening. */
    public FakeGateway start() {
      return new FakeGateway(this).listen(host, port);
    }
  }
}
