package io.llmgateway.testing.internal.dispatch;

import io.llmgateway.testing.fault.Fault;
import io.llmgateway.testing.fault.FaultContext;
import io.llmgateway.testing.fault.FaultScript;
import io.llmgateway.testing.hiveops.HiveOpsPersonality;
import io.llmgateway.testing.internal.GatewayOptions;
import io.llmgateway.testing.internal.OpenAiHeaders;
import io.llmgateway.testing.internal.Req;
import io.llmgateway.testing.internal.Store;
import io.llmgateway.testing.internal.Timing;
import io.llmgateway.testing.internal.wire.WireStall;
import io.llmgateway.testing.saas.SaasPersonality;
import io.llmgateway.testing.state.ReceivedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import okhttp3.Headers;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The stateful dispatcher: records the request, lets a scripted fault answer or change the answer,
 * and otherwise routes to the personality that owns the path: SaaS LiteLLM under {@code /api/} and
 * {@code /health}, HiveOps everywhere else. Each request runs atomically under the store's monitor;
 * latency and the OpenAI headers are added to whatever answer results, outside it.
 */
public final class GatewayDispatcher extends Dispatcher {
  private final Store store;
  private final FaultScript faults;
  private final SaasPersonality saas = new SaasPersonality();
  private final HiveOpsPersonality hiveOps = new HiveOpsPersonality();
  // Appends are O(1) (a copy-on-write list would copy on every request of a benchmark).
  private final List<ReceivedRequest> received = new ArrayList<>();
  private final boolean record;
  private final Runnable dropServerCopy;
  private final OpenAiHeaders openAiHeaders = new OpenAiHeaders();
  private final Random latencyRandom;

  /**
   * @param record whether to keep every request for {@link #received()} (benchmarks turn it off)
   * @param dropServerCopy removes MockWebServer's own copy of a request, so memory stays flat
   */
  public GatewayDispatcher(
      Store store, FaultScript faults, boolean record, Runnable dropServerCopy) {
    this.store = store;
    this.faults = faults;
    this.record = record;
    this.dropServerCopy = dropServerCopy;
    this.latencyRandom = new Random(store.options.latencySeed());
  }

  public List<ReceivedRequest> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public void clearReceived() {
    synchronized (received) {
      received.clear();
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    WireStall.disarm(); // a stall armed for a body that ended early must not hit this response
    dropServerCopy.run();
    String target = recorded.getPath() == null ? "/" : recorded.getPath();
    int query = target.indexOf('?');
    boolean saasPath = saas.owns(query < 0 ? target : target.substring(0, query));
    GatewayOptions options = store.options;
    Timing timing =
        new Timing(saasPath ? options.saasLatency() : options.hiveOpsLatency(), latencyRandom);
    Req req = Req.from(recorded, timing);
    ReceivedRequest request =
        new ReceivedRequest(
            req.method, req.path, req.target, headers(req.headers), req.body, store.now());
    if (record) {
      synchronized (received) {
        received.add(request);
      }
    }
    Fault fault = faults.take(req.method, req.path);
    String requestId = saasPath ? "" : openAiHeaders.nextRequestId();
    FaultContext context = new FaultContext(request, () -> answer(req, saasPath), store.now());
    MockResponse response = fault == null ? context.realResponse() : fault.respond(context);
    if (context.latency() != null) {
      timing.override(context.latency());
    }
    timing.apply(response);
    if (!saasPath) {
      OpenAiHeaders.stamp(response, requestId, timing.processingMillis(), fault != null);
    }
    return response;
  }

  private MockResponse answer(Req req, boolean saasPath) {
    synchronized (store) {
      return saasPath ? saas.handle(store, req) : hiveOps.handle(store, req);
    }
  }

  private static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : headers.names()) {
      out.put(name.toLowerCase(Locale.ROOT), List.copyOf(new ArrayList<>(headers.values(name))));
    }
    return out;
  }
}
