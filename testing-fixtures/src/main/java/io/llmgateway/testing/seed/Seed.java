package io.llmgateway.testing.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a fake gateway starts with. Load one from JSON ({@link #fromJson}) or use {@link
 * #defaults(java.time.Instant)}; the format is documented in the module README.
 */
public record Seed(
    List<TeamSeed> teams, List<ModelGroupSeed> modelGroups, List<HiveOpsKeySeed> hiveOpsKeys) {

  public Seed {
    teams = List.copyOf(teams);
    modelGroups = List.copyOf(modelGroups);
    hiveOpsKeys = List.copyOf(hiveOpsKeys);
  }

  private static final String DEFAULT_RESOURCE = "default-seed.json";

  /** The JSON text of the default seed (its keys are fake and short on purpose). */
  public static String defaultJson() {
    try (InputStream in =
        Objects.requireNonNull(
            Seed.class.getResourceAsStream(DEFAULT_RESOURCE), "missing " + DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default seed; relative key expiries ({@code expiresInDays}) count from {@code now}. */
  public static Seed defaults(Instant now) {
    return fromJson(defaultJson(), now);
  }

  public static Seed fromJson(String json, Instant now) {
    return SeedParser.parse(json, now);
  }

  public static Seed load(Path file, Instant now) throws IOException {
    return fromJson(Files.readString(file), now);
  }

  public TeamSeed team(String id) {
    return teams.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No team " + id));
  }
}
