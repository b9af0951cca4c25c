package io.llmgateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.ObjectMappers;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.AttemptIo;
import io.llmgateway.internal.call.AttemptSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/** {@code GET /models}: the ids of {@code data[]}. */
final class ModelsAttempt implements AttemptSpec<List<String>> {
  private static final ObjectMapper JSON = ObjectMappers.jsonMapper();

  private final HiveOpsRequests requests;

  ModelsAttempt(HiveOpsRequests requests) {
    this.requests = requests;
  }

  @Override
  public Request request(AttemptContext ctx) {
    return requests.models(ctx);
  }

  @Override
  public List<String> answer(Response response, AttemptIo io) throws IOException {
    byte[] bytes = io.body().readByteArray();
    JsonNode data;
    try {
      data = JSON.readTree(bytes).get("data");
    } catch (IOException e) {
      data = null;
    }
    if (data == null || !data.isArray()) {
      throw new UnexpectedResponseException(
          "HTTP "
              + response.code()
              + " answer is not a model list ["
              + io.runtime().provider().id()
              + "]",
          ErrorDetails.builder(io.runtime().provider())
              .status(response.code())
              .rawBody(new String(bytes, StandardCharsets.UTF_8))
              .build(),
          null);
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode model : data) {
      JsonNode id = model.get("id");
      if (id != null && id.isTextual()) {
        ids.add(id.asText());
      }
    }
    return List.copyOf(ids);
  }
}
