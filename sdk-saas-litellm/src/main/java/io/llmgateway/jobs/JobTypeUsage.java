package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Usage of one job type in a period. */
public final class JobTypeUsage {
  @Json(name = "count")
  private long count;

  @Json(name = "cost_usd")
  private @Nullable BigDecimal costUsd;

  private JobTypeUsage() {}

  public long count() {
    return count;
  }

  public @Nullable BigDecimal costUsd() {
    return costUsd;
  }

  @Override
  public String toString() {
    return "JobTypeUsage{" + "count=" + count + ", " + "costUsd=" + costUsd + "}";
  }
}
