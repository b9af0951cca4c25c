package io.llmgateway.testing.internal;

import io.llmgateway.testing.fault.Fault;
import io.llmgateway.testing.fault.FaultContext;
import io.llmgateway.testing.fault.FaultScript;
import io.llmgateway.testing.hiveops.HiveOpsPersonality;
import io.llmgateway.testing.saas.SaasPersonality;
import io.llmgateway.testing.state.ReceivedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The stateful dispatcher: records the request, lets a scripted fault answer or change the answer,
 * and otherwise routes to the personality that owns the path. Each request runs atomically under
 * the store's monitor.
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
    Req req = Req.from(recorded);
    ReceivedRequest request =
        new ReceivedRequest(
            req.method, req.path, req.target, headers(req.headers), req.body, store.now());
    if (record) {
      synchronized (received) {
        received.add(request);
      }
    }
    Fault fault = faults.take(req.method, req.path);
    FaultContext context = new FaultContext(request, () -> answer(req), store.now());
    return fault == null ? context.realResponse() : fault.respond(context);
  }

  private MockResponse answer(Req req) {
    synchronized (store) {
      if (saas.owns(req.path)) {
        return saas.handle(store, req);
      }
      if (hiveOps.owns(req.path)) {
        return hiveOps.handle(store, req);
      }
    }
    return Responses.json(404, Map.of("detail", "Not Found"));
  }

  private static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : headers.names()) {
      out.put(name.toLowerCase(Locale.ROOT), List.copyOf(new ArrayList<>(headers.values(name))));
    }
    return out;
  }
}
