package io.llmgateway.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table; cells are text, pipes are escaped. */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... header) {
    this.header = List.of(header);
  }

  public Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    out.append('|');
    for (int i = 0; i < header.size(); i++) {
      out.append("---|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      line(out, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    out.append('\n');
  }
}
