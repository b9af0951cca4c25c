package io.llmgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM has no parent (an import would take the parent's test pins too), so it repeats the root
 * pom's version properties: they must not drift, or users get other versions than we test with.
 */
class BomVersionsTest {
  private static final Path ROOT = Path.of(System.getProperty("examples.root", ".")).resolve("..");
  private static final Pattern PROPERTY = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>");

  @Test
  void theBomPinsWhatTheBuildUses() throws IOException {
    Map<String, String> build = versions(ROOT.resolve("pom.xml"));
    Map<String, String> bom = versions(ROOT.resolve("sdk-bom/pom.xml"));
    assertTrue(bom.size() >= 8, bom.toString());
    bom.forEach((name, version) -> assertEquals(build.get(name), version, name));
  }

  private static Map<String, String> versions(Path pom) throws IOException {
    Map<String, String> versions = new LinkedHashMap<>();
    Matcher m = PROPERTY.matcher(Files.readString(pom));
    while (m.find()) {
      versions.putIfAbsent(m.group(1), m.group(2));
    }
    return versions;
  }
}
