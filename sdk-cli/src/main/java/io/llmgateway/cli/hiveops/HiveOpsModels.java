package io.llmgateway.cli.hiveops;

import io.llmgateway.cost.PriceTable;
import java.util.Map;
import java.util.Set;

/** The HiveOps guide's model table: OpenAI names mapped to HiveOps ones, and published prices. */
public final class HiveOpsModels {
  public static final String DEFAULT_MODEL = "llama3:8b-instruct-q8_0";

  /** The guide's "Model not found" table. */
  public static final Map<String, String> OPENAI_TO_HIVEOPS =
      Map.of("gpt-3.5-turbo", DEFAULT_MODEL, "gpt-4", "llama-3-70b-instruct");

  /** Models the guide names. */
  public static final Set<String> KNOWN =
      Set.of(DEFAULT_MODEL, "llama-3-70b-instruct", "mistral-7b-instruct-v0.3", "gemma-2-9b-it");

  /** Only the 8B price is published ($0.01 in / $0.02 out per 1M tokens). */
  public static final PriceTable PRICES =
      PriceTable.builder().put(DEFAULT_MODEL, "0.01", "0.02").build();

  private HiveOpsModels() {}

  /** The HiveOps name for {@code model}: mapped when it is an OpenAI name, else unchanged. */
  public static String map(String model) {
    return OPENAI_TO_HIVEOPS.getOrDefault(model, model);
  }
}
