package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How a legacy model group resolves for the team. */
public final class ModelGroupResolution {
  @Json(name = "group_name")
  private String groupName = "";

  @Json(name = "primary_model")
  private @Nullable String primaryModel;

  @Json(name = "fallback_models")
  private List<String> fallbackModels = List.of();

  @Json(name = "team_has_access")
  private boolean teamHasAccess;

  @Json(name = "error")
  private @Nullable String error;

  private ModelGroupResolution() {}

  public String groupName() {
    return groupName;
  }

  public @Nullable String primaryModel() {
    return primaryModel;
  }

  public List<String> fallbackModels() {
    return fallbackModels;
  }

  public boolean teamHasAccess() {
    return teamHasAccess;
  }

  public @Nullable String error() {
    return error;
  }

  @Override
  public String toString() {
    return "ModelGroupResolution{"
        + "groupName="
        + groupName
        + ", "
        + "primaryModel="
        + primaryModel
        + ", "
        + "fallbackModels="
        + fallbackModels
        + ", "
        + "teamHasAccess="
        + teamHasAccess
        + "}";
  }
}
