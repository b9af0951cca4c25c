package io.llmgateway.cli.hiveops;

import io.llmgateway.openai.ModelMapping;
import java.util.Set;

/** The HiveOps guide's model names; the mapping itself is sdk-openai-compat's. */
public final class HiveOpsModels {
  public static final String DEFAULT_MODEL = "llama3:8b-instruct-q8_0";

  /** Models the guide names. */
  public static final Set<String> KNOWN =
      Set.of(DEFAULT_MODEL, "llama-3-70b-instruct", "mistral-7b-instruct-v0.3", "gemma-2-9b-it");

  private static final ModelMapping MAPPING = ModelMapping.hiveOpsDefaults();

  private HiveOpsModels() {}

  /** The HiveOps name for {@code model}: mapped when it is an OpenAI name, else unchanged. */
  public static String map(String model) {
    return MAPPING.map(model);
  }
}
