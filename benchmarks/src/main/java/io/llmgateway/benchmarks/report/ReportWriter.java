package io.llmgateway.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders the report and writes it as a dated file and, for complete runs, as latest.md. */
public final class ReportWriter {
  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

  private ReportWriter() {}

  /** The report as Markdown. */
  public static String render(
      MachineFacts facts,
      String command,
      boolean quick,
      boolean complete,
      List<Section> sections,
      Instant finishedAt) {
    StringBuilder out = new StringBuilder();
    out.append("# LLM Gateway SDK benchmarks")
        .append(quick ? " (QUICK RUN: smoke sizes, numbers not meaningful)" : "")
        .append("\n\n");
    if (quick) {
      out.append(
          "> **Quick run.** Made with `--quick`: tiny sizes that only prove the harness works end"
              + " to end. Do not quote these numbers; run `benchmarks/run` without `--quick` on a"
              + " quiet machine for real ones.\n\n");
    }
    if (!complete) {
      out.append("> **Partial run**: only the sections below were run.\n\n");
    }
    out.append("## Machine\n\n");
    facts.lines().forEach(l -> out.append(l).append('\n'));
    out.append("| load average (1 min) at end | ")
        .append(MachineFacts.loadAverage())
        .append(" |\n");
    out.append("| run time | ")
        .append(Format.seconds(Duration.between(facts.startedAt(), finishedAt).toNanos()))
        .append(" |\n\n");
    out.append("Command:\n\n```\n").append(command).append("\n```\n\n");
    out.append(
        "Every ratio below is measured inside one run of one JVM: both contestants use the same"
            + " loopback server, the same warm-up and alternate with each other (JMH rows"
            + " alternate forks). A ratio above 1.00x means ours takes longer (or, for"
            + " throughput, see the row).\n\n");
    out.append("## Summary\n\n");
    Table summary = new Table("row", "measure", "ours", "baseline", "ratio", "goal", "result");
    for (Section s : sections) {
      for (Row r : s.rows()) {
        summary.row(
            r.id(),
            r.measure(),
            r.ours(),
            r.baseline(),
            r.ratio(),
            r.goal(),
            r.verdict() == Verdict.INFO ? "info" : "**" + r.verdict() + "**");
      }
    }
    out.append(summary.toMarkdown()).append('\n');
    for (Section s : sections) {
      out.append("## ").append(s.id()).append(". ").append(s.title()).append("\n\n");
      for (String block : s.blocks()) {
        out.append(block).append("\n\n");
      }
    }
    return out.toString();
  }

  /**
   * Writes {@code report} to {@code dir} as {@code <timestamp>-<quick|full>.md}, and to {@code
   * latest.md} when every section ran. Returns the dated file.
   */
  public static Path write(
      Path dir, String report, Instant startedAt, boolean quick, boolean complete)
      throws IOException {
    Files.createDirectories(dir);
    String name =
        FILE_STAMP.format(startedAt)
            + (quick ? "-quick" : "-full")
            + (complete ? "" : "-partial")
            + ".md";
    Path dated = dir.resolve(name);
    Files.writeString(dated, report, StandardCharsets.UTF_8);
    if (complete) {
      Files.writeString(dir.resolve("latest.md"), report, StandardCharsets.UTF_8);
    }
    return dated;
  }
}
