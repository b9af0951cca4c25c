package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import io.llmgateway.cost.ModelPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model alias as {@code GET /api/models} reports it (spec 3.14): what a request's {@code model}
 * names, the provider model behind it, and its price in USD per million tokens.
 */
public final class ModelAlias {
  @Json(name = "model_alias")
  private String modelAlias = "";

  @Json(name = "display_name")
  private @Nullable String displayName;

  @Json(name = "provider")
  private @Nullable String provider;

  @Json(name = "actual_model")
  private @Nullable String actualModel;

  @Json(name = "access_groups")
  private List<String> accessGroups = List.of();

  @Json(name = "description")
  private @Nullable String description;

  @Json(name = "pricing_input")
  private @Nullable BigDecimal pricingInput;

  @Json(name = "pricing_output")
  private @Nullable BigDecimal pricingOutput;

  @Json(name = "status")
  private @Nullable String status;

  @Json(name = "created_at")
  private @Nullable Instant createdAt;

  @Json(name = "updated_at")
  private @Nullable Instant updatedAt;

  private ModelAlias() {}

  /** The name a request's {@code model} uses, e.g. {@code chat-fast}. */
  public String modelAlias() {
    return modelAlias;
  }

  public @Nullable String displayName() {
    return displayName;
  }

  /** {@code openai}, {@code anthropic}, {@code gemini}, {@code fireworks}, ... (open text). */
  public @Nullable String provider() {
    return provider;
  }

  /** The provider's model name, e.g. {@code gpt-4o-mini}. */
  public @Nullable String actualModel() {
    return actualModel;
  }

  public List<String> accessGroups() {
    return accessGroups;
  }

  public @Nullable String description() {
    return description;
  }

  /** USD per million input tokens; null when the server has none (it also sends null for 0). */
  public @Nullable BigDecimal pricingInput() {
    return pricingInput;
  }

  /** USD per million output tokens; null when the server has none (it also sends null for 0). */
  public @Nullable BigDecimal pricingOutput() {
    return pricingOutput;
  }

  /** Both prices, or null when either is missing. */
  public @Nullable ModelPrice price() {
    return pricingInput == null || pricingOutput == null
        ? null
        : ModelPrice.perMillion(pricingInput, pricingOutput);
  }

  /** {@code active} or {@code inactive} (open text). */
  public @Nullable String status() {
    return status;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  public @Nullable Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "ModelAlias{"
        + modelAlias
        + " -> "
        + provider
        + "/"
        + actualModel
        + ", in="
        + pricingInput
        + ", out="
        + pricingOutput
        + ", "
        + status
        + "}";
  }
}
