package io.llmgateway.openai;

import com.openai.models.models.Model;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.openai.internal.ResponseCapture;
import io.llmgateway.pipeline.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The gateway's {@code /models} list, cached with a TTL. Thread-safe. */
final class ModelCatalog {
  private final HiveOpsClient client;
  private final Duration ttl;
  private final Clock clock;
  private @Nullable List<String> models;
  private @Nullable Instant fetchedAt;

  ModelCatalog(HiveOpsClient client, Duration ttl, Clock clock) {
    this.client = client;
    this.ttl = ttl;
    this.clock = clock;
  }

  synchronized List<String> models() {
    Instant now = clock.instant();
    if (models != null && fetchedAt != null && now.isBefore(fetchedAt.plus(ttl))) {
      return models;
    }
    List<String> ids =
        client
            .executor()
            .execute(
                Endpoint.MODELS,
                ctx -> {
                  try (ResponseCapture capture = ResponseCapture.open()) {
                    try {
                      List<String> out = new ArrayList<>();
                      for (Model m :
                          client.sdk().models().list(HiveOpsClient.requestOptions(ctx)).data()) {
                        out.add(m.id());
                      }
                      return List.copyOf(out);
                    } catch (RuntimeException e) {
                      throw client.errors().translate(e, capture);
                    }
                  }
                });
    models = ids;
    fetchedAt = clock.instant();
    return ids;
  }

  /** The list, or empty when it cannot be fetched (for error messages). */
  List<String> modelsQuietly() {
    try {
      return models();
    } catch (LlmGatewayException e) {
      return List.of();
    }
  }
}
