package io.llmgateway.benchmarks.errors;

import static io.llmgateway.benchmarks.report.Format.count;
import static io.llmgateway.benchmarks.report.Format.f;
import static io.llmgateway.benchmarks.report.Format.ratio;

import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.internal.http.HeaderLookup;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Row a: JMH throughput of {@link ErrorClassificationBenchmark}'s two methods in alternating forks
 * (round 1: classifier then Moshi, round 2: Moshi then classifier, ...), then a per-body table from
 * a plain timing loop in this JVM.
 */
public final class ErrorClassificationRun {
  /** JVM options of every JMH fork, stated in the report. */
  static final String[] FORK_JVM_ARGS = {"-Xms1g", "-Xmx1g"};

  private static Object sink = new Object();
  private static volatile Object published = new Object();

  private ErrorClassificationRun() {}

  public static Section run(Sizes sizes, PrintStream log) throws Exception {
    List<ErrorCorpus.Case> cases = ErrorCorpus.all();
    int n = cases.size();
    double[] ours = new double[sizes.jmhRounds()];
    double[] moshi = new double[sizes.jmhRounds()];
    double[] oursErr = new double[sizes.jmhRounds()];
    double[] moshiErr = new double[sizes.jmhRounds()];
    for (int r = 0; r < sizes.jmhRounds(); r++) {
      boolean oursFirst = (r & 1) == 0;
      for (int k = 0; k < 2; k++) {
        boolean isOurs = (k == 0) == oursFirst;
        Result<?> result =
            jmh(isOurs ? "classifier" : "moshiReadJsonValue", sizes).getPrimaryResult();
        (isOurs ? ours : moshi)[r] = result.getScore();
        (isOurs ? oursErr : moshiErr)[r] = result.getScoreError();
        log.println(
            f(
                "  a: round %d %s: %s passes/s",
                r + 1, isOurs ? "classifier" : "moshi", count(result.getScore())));
      }
    }
    double oursOps = median(ours);
    double moshiOps = median(moshi);
    double timeRatio = moshiOps / oursOps;

    Section s = new Section("a", "Error classification and parsing throughput");
    s.text(
        "Corpus: "
            + n
            + " error answers, every one shown in the two guides (seeds/), those the real-server"
            + " spec found, and the odd shapes (HTML pages, empty, truncated JSON, retry headers);"
            + " the same set as sdk-core's `ClassificationTable` test. Listed below.");
    s.text(
        "- **ours**: `ErrorClassifier.classify(provider, status, headers, body, contentType)` on"
            + " every case, headers as a prebuilt `HeaderLookup` map, classifier on a fixed clock:"
            + " decode, parse, pick message/type/code/field errors, rate-limit and retry-after"
            + " headers, build the typed exception (with its stack trace).\n"
            + "- **baseline**: Moshi `JsonReader.of(new Buffer().write(body)).readJsonValue()` on the"
            + " same bytes, catching the exception Moshi throws for the non-JSON bodies (HTML,"
            + " text, empty, truncated). It reads no headers and builds no error.\n"
            + "- JMH "
            + "1.37, throughput, one operation = one pass over all "
            + n
            + " cases into a `Blackhole`; "
            + sizes.jmhRounds()
            + " round(s), each one fork per contestant with the order alternating between rounds;"
            + " per fork "
            + sizes.jmhWarmupIterations()
            + " x "
            + sizes.jmhWarmupTime().toMillis()
            + " ms warm-up and "
            + sizes.jmhIterations()
            + " x "
            + sizes.jmhIterationTime().toMillis()
            + " ms measurement; fork JVM options `"
            + String.join(" ", FORK_JVM_ARGS)
            + "`. The figure is the median of the rounds.");
    Table jmh = new Table("round", "ours passes/s (+- 99.9 %)", "Moshi passes/s (+- 99.9 %)");
    for (int r = 0; r < ours.length; r++) {
      jmh.row(
          r + 1,
          count(ours[r]) + " +- " + count(oursErr[r]),
          count(moshi[r]) + " +- " + count(moshiErr[r]));
    }
    s.table(jmh);
    s.text(
        f(
            "Median: ours %s passes/s = **%s ns per body**; Moshi %s passes/s = **%s ns per body**;"
                + " ours takes **%s** the time of a bare Moshi parse.",
            count(oursOps),
            f("%.0f", 1e9 / (oursOps * n)),
            count(moshiOps),
            f("%.0f", 1e9 / (moshiOps * n)),
            ratio(timeRatio)));
    s.row(
        new Row(
            "a",
            "error classification, " + n + " bodies (JMH, time per body)",
            f("%,.0f ns", 1e9 / (oursOps * n)),
            f("%,.0f ns (Moshi readJsonValue)", 1e9 / (moshiOps * n)),
            ratio(timeRatio),
            "none set in issue 9 (context)",
            Verdict.INFO));
    perBody(s, cases, sizes, log);
    return s;
  }

  private static RunResult jmh(String method, Sizes sizes) throws Exception {
    Options options =
        new OptionsBuilder()
            .include(
                Pattern.quote(ErrorClassificationBenchmark.class.getName() + "." + method) + "$")
            .forks(1)
            .threads(1)
            .warmupIterations(sizes.jmhWarmupIterations())
            .warmupTime(TimeValue.milliseconds(sizes.jmhWarmupTime().toMillis()))
            .measurementIterations(sizes.jmhIterations())
            .measurementTime(TimeValue.milliseconds(sizes.jmhIterationTime().toMillis()))
            .jvmArgs(FORK_JVM_ARGS)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    return new Runner(options).runSingle();
  }

  // A plain timing loop, per body: alternating batches, median batch; indicative, not JMH.
  private static void perBody(
      Section s, List<ErrorCorpus.Case> cases, Sizes sizes, PrintStream log) {
    ErrorClassifier classifier =
        new ErrorClassifier(Clock.fixed(ErrorClassificationBenchmark.NOW, ZoneOffset.UTC));
    HeaderLookup[] headers = new HeaderLookup[cases.size()];
    for (int i = 0; i < headers.length; i++) {
      headers[i] = cases.get(i).lookup();
    }
    int warmPasses = Math.max(200, sizes.bodyBatchSize() * 2);
    for (int p = 0; p < warmPasses; p++) {
      for (int i = 0; i < headers.length; i++) {
        sink = ErrorClassificationBenchmark.classify(classifier, cases.get(i), headers[i]);
        sink = ErrorClassificationBenchmark.readJsonValue(cases.get(i).body());
      }
    }
    Table t =
        new Table(
            "#",
            "source",
            "case",
            "status",
            "body bytes",
            "classified as",
            "ours ns",
            "Moshi ns",
            "ratio");
    for (int i = 0; i < headers.length; i++) {
      ErrorCorpus.Case c = cases.get(i);
      HeaderLookup h = headers[i];
      double[] a = new double[sizes.bodyBatches()];
      double[] b = new double[sizes.bodyBatches()];
      int size = sizes.bodyBatchSize();
      for (int k = 0; k < a.length; k++) {
        boolean oursFirst = (k & 1) == 0;
        for (int j = 0; j < 2; j++) {
          boolean isOurs = (j == 0) == oursFirst;
          long t0 = System.nanoTime();
          if (isOurs) {
            for (int m = 0; m < size; m++) {
              sink = ErrorClassificationBenchmark.classify(classifier, c, h);
            }
          } else {
            for (int m = 0; m < size; m++) {
              sink = ErrorClassificationBenchmark.readJsonValue(c.body());
            }
          }
          (isOurs ? a : b)[k] = (double) (System.nanoTime() - t0) / size;
        }
      }
      published = sink;
      double ours = median(a);
      double moshi = median(b);
      String type =
          ErrorClassificationBenchmark.classify(classifier, c, h).getClass().getSimpleName();
      t.row(
          i + 1,
          c.source(),
          c.name(),
          c.status(),
          c.body().length,
          type,
          f("%.0f", ours),
          f("%.0f", moshi),
          ratio(ours / moshi));
    }
    log.println("  a: per-body table done");
    s.text(
        "Per body (plain `System.nanoTime` loop in the harness JVM after "
            + warmPasses
            + " warm-up passes; "
            + sizes.bodyBatches()
            + " alternating batches of "
            + sizes.bodyBatchSize()
            + " per contestant, median batch; indicative only, the JMH figure above is the"
            + " measurement). One body repeated is friendlier to the CPU than 64 different ones in"
            + " turn, so these read lower than the JMH figure; on a busy machine (JIT threads"
            + " starved) the gap grows, and the load average in the machine table says so):");
    s.table(t);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
