package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.wire.Responses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** {@code GET /models} (OpenAI's list object) and {@code GET /models/{id}} (one model object). */
final class ModelsEndpoint {
  /** When the fake's models were "created", for the model objects. */
  private static final long MODELS_CREATED = 1710892800L;

  private ModelsEndpoint() {}

  static MockResponse list() {
    List<Object> data = new ArrayList<>();
    for (String model : HiveOpsBilling.models()) {
      data.add(model(model));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    out.put("data", data);
    return Responses.json(200, out);
  }

  /** One model; clients send ids like {@code llama3:8b-instruct-q8_0} percent-encoded. */
  static MockResponse retrieve(String encodedId) {
    String id = URLDecoder.decode(encodedId.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (HiveOpsBilling.of(id) == null) {
      throw HiveOpsErrors.modelNotFound(id);
    }
    return Responses.json(200, model(id));
  }

  private static Map<String, Object> model(String id) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("object", "model");
    entry.put("created", MODELS_CREATED);
    entry.put("owned_by", "hiveops");
    return entry;
  }
}
