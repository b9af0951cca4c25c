package io.llmgateway.testing.seed;

import java.util.List;

/** A legacy model group (primary model first) and the teams assigned to it. */
public record ModelGroupSeed(String name, List<String> models, boolean active, List<String> teams) {
  public ModelGroupSeed {
    models = List.copyOf(models);
    teams = List.copyOf(teams);
  }
}
