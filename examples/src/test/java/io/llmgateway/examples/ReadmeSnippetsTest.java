package io.llmgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The README's code is the examples' code. The sources are the truth (they compile and run), the
 * README is checked against them; {@code -Dreadme.update=true} rewrites the README's marked blocks
 * from the sources instead of failing.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of(System.getProperty("examples.root", "."));
  private static final Path README = ROOT.resolve("../README.md").normalize();

  @Test
  void everyJavaAndKotlinBlockOfTheReadmeIsMarked() {
    assertEquals(
        List.of(),
        ReadmeSnippets.unmarkedCodeBlocks(ReadmeSnippets.read(README)),
        "README lines opening java/kotlin blocks without <!-- snippet: NAME --> above them");
  }

  @Test
  void everyMarkedBlockIsItsRegionVerbatim() throws IOException {
    Map<String, String> regions = ReadmeSnippets.regions(ROOT);
    List<String> readme = new ArrayList<>(ReadmeSnippets.read(README));
    List<ReadmeSnippets.Block> blocks = ReadmeSnippets.blocks(readme);
    boolean update = Boolean.getBoolean("readme.update");
    // Bottom up, so that rewriting one block leaves the line numbers of those above it valid.
    for (int i = blocks.size() - 1; i >= 0; i--) {
      ReadmeSnippets.Block block = blocks.get(i);
      String source = regions.get(block.name());
      assertTrue(source != null, "README snippet " + block.name() + " has no region in examples");
      if (update) {
        readme.subList(block.firstLine(), block.endLine()).clear();
        readme.addAll(block.firstLine(), List.of(source.split("\n", -1)));
      } else {
        assertEquals(source, block.text(), "README snippet " + block.name());
      }
    }
    if (update) {
      Files.write(README, readme);
    }
  }

  @Test
  void everyRegionIsShownInTheReadme() throws IOException {
    Set<String> unused = new TreeSet<>(ReadmeSnippets.regions(ROOT).keySet());
    ReadmeSnippets.blocks(ReadmeSnippets.read(README)).forEach(b -> unused.remove(b.name()));
    assertEquals(Set.of(), unused, "regions that no README snippet shows");
  }
}
