package io.llmgateway.openai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAI model names to gateway model ids, applied to every request in one place. Ids that are not
 * in the table pass through verbatim (never normalised). Immutable.
 */
public final class ModelMapping {
  private static final ModelMapping HIVEOPS =
      builder()
          .put("gpt-3.5-turbo", "llama3:8b-instruct-q8_0")
          .put("gpt-4", "llama-3-70b-instruct")
          .build();

  private final Map<String, String> entries;

  private ModelMapping(Map<String, String> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** The HiveOps guide's table: {@code gpt-3.5-turbo} and {@code gpt-4}. */
  public static ModelMapping hiveOpsDefaults() {
    return HIVEOPS;
  }

  /** No mapping at all: every id passes through. */
  public static ModelMapping identity() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The gateway id for {@code model}: the table's entry, else {@code model} itself. */
  public String map(String model) {
    String mapped = entries.get(model);
    return mapped != null ? mapped : model;
  }

  /** This table with {@code overrides} on top. */
  public ModelMapping with(ModelMapping overrides) {
    return builder().putAll(entries).putAll(overrides.entries).build();
  }

  public Map<String, String> asMap() {
    return entries;
  }

  @Override
  public String toString() {
    return "ModelMapping" + entries;
  }

  /** Collects entries; a later entry for the same name wins. */
  public static final class Builder {
    private final Map<String, String> entries = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String openAiName, String gatewayId) {
      Objects.requireNonNull(openAiName, "openAiName");
      Objects.requireNonNull(gatewayId, "gatewayId");
      if (openAiName.isEmpty() || gatewayId.isEmpty()) {
        throw new IllegalArgumentException("model names must not be empty");
      }
      entries.put(openAiName, gatewayId);
      return this;
    }

    public Builder putAll(Map<String, String> more) {
      more.forEach(this::put);
      return this;
    }

    public ModelMapping build() {
      return new ModelMapping(entries);
    }
  }
}
