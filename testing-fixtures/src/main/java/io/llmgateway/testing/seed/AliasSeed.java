package io.llmgateway.testing.seed;

import org.jspecify.annotations.Nullable;

/**
 * A model alias a team may call. {@code provider} (openai, anthropic, gemini, fireworks) picks the
 * stream chunk shape in real-server mode; prices are USD per 1M tokens; {@code providerError}, when
 * set, makes every call to the alias fail as if the provider had failed with that text.
 */
public record AliasSeed(
    String alias,
    String provider,
    String model,
    boolean access,
    boolean active,
    double pricingInput,
    double pricingOutput,
    long latencyMs,
    @Nullable String providerError) {

  public static AliasSeed of(String alias, String provider, String model) {
    return new AliasSeed(alias, provider, model, true, true, 1.0, 2.0, 250, null);
  }
}
