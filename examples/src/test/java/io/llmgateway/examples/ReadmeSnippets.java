package io.llmgateway.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the marked regions of the examples' sources and the marked blocks of the README. A region
 * may come in several pieces (a file's imports, then its code); a snippet is its pieces, each
 * dedented, joined by a blank line.
 */
final class ReadmeSnippets {
  private static final Pattern REGION_START =
      Pattern.compile("^\\s*(?://|<!--) region ([\\w-]+)(?: -->)?\\s*$");
  private static final Pattern REGION_END = Pattern.compile("^\\s*(?://|<!--) endregion.*$");
  static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([\\w-]+) -->$");
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)$");

  private ReadmeSnippets() {}

  /** Region name to its text, over every source file and the pom of the examples module. */
  static Map<String, String> regions(Path examplesRoot) throws IOException {
    Map<String, List<String>> pieces = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(examplesRoot.resolve("src"))) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
    }
    files.add(examplesRoot.resolve("pom.xml"));
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      String name = null;
      List<String> piece = new ArrayList<>();
      for (String line : lines) {
        Matcher start = REGION_START.matcher(line);
        if (name == null && start.matches()) {
          name = start.group(1);
          piece.clear();
        } else if (name != null && REGION_END.matcher(line).matches()) {
          pieces.computeIfAbsent(name, n -> new ArrayList<>()).add(dedent(piece));
          name = null;
        } else if (name != null) {
          piece.add(line);
        }
      }
      if (name != null) {
        throw new IllegalStateException(file + ": region " + name + " has no endregion");
      }
    }
    Map<String, String> regions = new LinkedHashMap<>();
    pieces.forEach((name, texts) -> regions.put(name, String.join("\n\n", texts)));
    return regions;
  }

  /** A marked block of the README: its name, its language, and the line range of its body. */
  record Block(String name, String language, int firstLine, int endLine, String text) {}

  static List<Block> blocks(List<String> readme) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      Matcher marker = MARKER.matcher(readme.get(i));
      if (!marker.matches()) {
        continue;
      }
      Matcher fence = FENCE.matcher(readme.get(i + 1));
      if (!fence.matches()) {
        throw new IllegalStateException("line " + (i + 2) + ": a snippet marker not on a fence");
      }
      int end = i + 2;
      while (!readme.get(end).equals("```")) {
        end++;
      }
      blocks.add(
          new Block(
              marker.group(1),
              fence.group(1),
              i + 2,
              end,
              String.join("\n", readme.subList(i + 2, end))));
    }
    return blocks;
  }

  /** The opening fences of code in a language we compile, with no marker above them. */
  static List<Integer> unmarkedCodeBlocks(List<String> readme) {
    List<Integer> unmarked = new ArrayList<>();
    boolean inFence = false;
    for (int i = 0; i < readme.size(); i++) {
      Matcher fence = FENCE.matcher(readme.get(i).strip());
      if (!fence.matches()) {
        continue;
      }
      if (!inFence) {
        String language = fence.group(1);
        boolean compiled = language.equals("java") || language.equals("kotlin");
        if (compiled && (i == 0 || !MARKER.matcher(readme.get(i - 1)).matches())) {
          unmarked.add(i + 1);
        }
      }
      inFence = !inFence;
    }
    return unmarked;
  }

  private static String dedent(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    List<String> kept = lines.subList(from, to);
    int indent =
        kept.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : kept) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", out);
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
