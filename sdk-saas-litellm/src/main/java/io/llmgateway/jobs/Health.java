package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import org.jspecify.annotations.Nullable;

/** The server's health answer. */
public final class Health {
  @Json(name = "status")
  private String status = "";

  @Json(name = "service")
  private @Nullable String service;

  private Health() {}

  public String status() {
    return status;
  }

  public @Nullable String service() {
    return service;
  }

  @Override
  public String toString() {
    return "Health{" + "status=" + status + ", " + "service=" + service + "}";
  }
}
