package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.seed.AliasSeed;
import io.llmgateway.testing.seed.ModelGroupSeed;
import org.jspecify.annotations.Nullable;

/** {@code ModelResolver.resolve_model_group}: alias first, then legacy group (spec section 4). */
final class ModelResolver {
  private ModelResolver() {}

  /** What a request's {@code model} resolved to. */
  record Resolved(String provider, String actualModel, @Nullable AliasSeed alias) {}

  /** Resolves or throws the 403 with the server's text. */
  static Resolved resolve(SaasContext ctx, TeamState team, String model) {
    AliasSeed alias = team.alias(model);
    if (alias != null && alias.active()) {
      if (!alias.access()) {
        throw SaasErrors.detail(
            403, "Team '" + team.id + "' does not have access to model alias '" + model + "'");
      }
      return new Resolved(alias.provider(), alias.model(), alias);
    }
    ModelGroupSeed group = ctx.store.modelGroups.get(model);
    if (group == null || !group.teams().contains(team.id)) {
      throw SaasErrors.detail(
          403, "Team '" + team.id + "' does not have access to model group '" + model + "'");
    }
    if (!group.active()) {
      throw SaasErrors.detail(403, "Model group '" + model + "' not found or inactive");
    }
    if (group.models().isEmpty()) {
      throw SaasErrors.detail(403, "No active models configured for group '" + model + "'");
    }
    String primary = group.models().get(0);
    return new Resolved(guessProvider(primary), primary, null);
  }

  /** The server's provider guess for a name without an alias record. */
  static String guessProvider(String model) {
    if (model.startsWith("gpt-") || model.startsWith("o1-") || model.startsWith("o3-")) {
      return "openai";
    }
    if (model.contains("claude")) {
      return "anthropic";
    }
    if (model.contains("gemini")) {
      return "gemini";
    }
    if (model.contains("llama") || model.contains("mixtral") || model.contains("fireworks")) {
      return "fireworks";
    }
    return "openai";
  }
}
