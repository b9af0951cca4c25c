package io.llmgateway.pipeline;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An operation of a gateway API, named by a provider-agnostic id such as {@code jobs.create} or
 * {@code chat.completions}. Open: clients may define their own with {@link #of(String)}. Equal when
 * their ids are equal. Keys timeouts, circuit breakers and metrics.
 */
public final class Endpoint {
  /** SaaS LiteLLM {@code POST /api/jobs/create}. */
  public static final Endpoint JOBS_CREATE = of("jobs.create", "POST /api/jobs/create");

  /** SaaS LiteLLM {@code GET /api/jobs/{id}}. */
  public static final Endpoint JOBS_GET = of("jobs.get", "GET /api/jobs/{id}");

  /** SaaS LiteLLM {@code POST /api/jobs/{id}/llm-call}. */
  public static final Endpoint JOBS_LLM_CALL = of("jobs.llm-call", "POST /api/jobs/{id}/llm-call");

  /** SaaS LiteLLM {@code POST /api/jobs/{id}/llm-call-stream}. */
  public static final Endpoint JOBS_LLM_CALL_STREAM =
      streaming("jobs.llm-call-stream", "POST /api/jobs/{id}/llm-call-stream");

  /** SaaS LiteLLM {@code POST /api/jobs/{id}/complete}. */
  public static final Endpoint JOBS_COMPLETE = of("jobs.complete", "POST /api/jobs/{id}/complete");

  /** SaaS LiteLLM {@code POST /api/jobs/create-and-call}. */
  public static final Endpoint JOBS_CREATE_AND_CALL =
      of("jobs.create-and-call", "POST /api/jobs/create-and-call");

  /** SaaS LiteLLM {@code POST /api/jobs/create-and-call-stream}. */
  public static final Endpoint JOBS_CREATE_AND_CALL_STREAM =
      streaming("jobs.create-and-call-stream", "POST /api/jobs/create-and-call-stream");

  /** HiveOps / OpenAI-compatible {@code POST /v1/chat/completions}. */
  public static final Endpoint CHAT_COMPLETIONS =
      of("chat.completions", "POST /v1/chat/completions");

  /** HiveOps / OpenAI-compatible {@code POST /v1/chat/completions} with {@code stream: true}. */
  public static final Endpoint CHAT_COMPLETIONS_STREAM =
      streaming("chat.completions.stream", "POST /v1/chat/completions (stream)");

  /** HiveOps / OpenAI-compatible {@code GET /v1/models}. */
  public static final Endpoint MODELS = of("models.list", "GET /v1/models");

  private final String id;
  private final String name;
  private final boolean streaming;

  private Endpoint(String id, String name, boolean streaming) {
    this.id = id;
    this.name = name;
    this.streaming = streaming;
  }

  /** An endpoint whose display name is its id. */
  public static Endpoint of(String id) {
    return of(id, id);
  }

  /** An endpoint with a display name, e.g. {@code of("jobs.create", "POST /api/jobs/create")}. */
  public static Endpoint of(String id, String name) {
    return new Endpoint(checkId(id), Objects.requireNonNull(name, "name"), false);
  }

  /** A streaming endpoint: it gets the stream timeout unless configured otherwise. */
  public static Endpoint streaming(String id, String name) {
    return new Endpoint(checkId(id), Objects.requireNonNull(name, "name"), true);
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    String t = id.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("endpoint id is blank");
    }
    return t;
  }

  /** The provider-agnostic id, lower case, e.g. {@code jobs.llm-call}. */
  public String id() {
    return id;
  }

  /** A human-readable name, e.g. {@code POST /api/jobs/create}. */
  public String name() {
    return name;
  }

  /** Whether responses are streamed (server-sent events). */
  public boolean streaming() {
    return streaming;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Endpoint && ((Endpoint) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
