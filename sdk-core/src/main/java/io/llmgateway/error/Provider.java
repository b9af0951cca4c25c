package io.llmgateway.error;

/** The gateway family an error or call belongs to. Ours, not the server's, so a closed enum. */
public enum Provider {
  /** The SaaS LiteLLM job API: errors as {@code {"detail": ...}}. */
  SAAS_LITELLM("saas-litellm"),
  /** HiveOps, OpenAI-compatible: errors as {@code {"error": {...}}}. */
  HIVEOPS("hiveops"),
  /** Any other OpenAI-compatible API. */
  OPENAI_COMPATIBLE("openai-compatible");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  /** A short stable name for logs, metrics and messages, e.g. {@code hiveops}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
