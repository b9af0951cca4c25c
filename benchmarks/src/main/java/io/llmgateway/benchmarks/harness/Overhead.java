package io.llmgateway.benchmarks.harness;

import static io.llmgateway.benchmarks.report.Format.bytes;
import static io.llmgateway.benchmarks.report.Format.f;
import static io.llmgateway.benchmarks.report.Format.micros;
import static io.llmgateway.benchmarks.report.Format.ratio;

import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;

/** Turns a {@link SideBySide.Result} into the table and the summary rows of an overhead section. */
public final class Overhead {
  private Overhead() {}

  public static void report(
      Section s,
      String id,
      String what,
      SideBySide.Result r,
      String oursName,
      String baselineName,
      double goal) {
    double medianRatio = r.a().median() / r.b().median();
    double p99Ratio = r.a().p99() / r.b().p99();
    Table t = new Table("contestant", "calls", "median", "p99", "mean", "max", "allocated/call");
    t.row(
        oursName,
        r.a().count(),
        micros(r.a().median()),
        micros(r.a().p99()),
        micros(r.a().mean()),
        micros(r.a().max()),
        bytes(r.allocA()));
    t.row(
        baselineName,
        r.b().count(),
        micros(r.b().median()),
        micros(r.b().p99()),
        micros(r.b().mean()),
        micros(r.b().max()),
        bytes(r.allocB()));
    t.row(
        "ratio (ours / baseline)",
        "",
        ratio(medianRatio),
        ratio(p99Ratio),
        ratio(r.a().mean() / r.b().mean()),
        "",
        r.allocA() > 0 && r.allocB() > 0 ? ratio(r.allocA() / r.allocB()) : "n/a");
    s.table(t);
    String goalText = f("<= %.2fx", goal);
    s.row(
        new Row(
            id,
            what + ", median latency",
            micros(r.a().median()),
            micros(r.b().median()),
            ratio(medianRatio),
            goalText,
            medianRatio <= goal ? Verdict.PASS : Verdict.MISS));
    s.row(
        new Row(
            id,
            what + ", p99 latency",
            micros(r.a().p99()),
            micros(r.b().p99()),
            ratio(p99Ratio),
            goalText,
            p99Ratio <= goal ? Verdict.PASS : Verdict.MISS));
    if (r.allocA() > 0 && r.allocB() > 0) {
      s.row(
          new Row(
              id,
              what + ", bytes allocated per call",
              bytes(r.allocA()),
              bytes(r.allocB()),
              ratio(r.allocA() / r.allocB()),
              "none set (context)",
              Verdict.INFO));
    }
  }
}
