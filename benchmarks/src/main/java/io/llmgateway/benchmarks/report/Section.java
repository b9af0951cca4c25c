package io.llmgateway.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark reports: its title, Markdown blocks (what each contestant does, tables, notes)
 * and its rows for the summary.
 */
public final class Section {
  private final String id;
  private final String title;
  private final List<String> blocks = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();

  public Section(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** A paragraph or list, Markdown as written. */
  public Section text(String markdown) {
    blocks.add(markdown.strip());
    return this;
  }

  public Section table(Table table) {
    blocks.add(table.toMarkdown().strip());
    return this;
  }

  public Section row(Row row) {
    rows.add(row);
    return this;
  }

  public List<String> blocks() {
    return List.copyOf(blocks);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }
}
