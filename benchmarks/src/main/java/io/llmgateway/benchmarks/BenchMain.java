package io.llmgateway.benchmarks;

import io.llmgateway.benchmarks.cold.ColdStart;
import io.llmgateway.benchmarks.errors.ErrorClassificationRun;
import io.llmgateway.benchmarks.faults.RandomFaults;
import io.llmgateway.benchmarks.harness.AllocationMeter;
import io.llmgateway.benchmarks.hiveops.HiveOpsOverhead;
import io.llmgateway.benchmarks.jobs.JobCallOverhead;
import io.llmgateway.benchmarks.ratelimit.RateLimitAdherence;
import io.llmgateway.benchmarks.ratelimit.SharedStoreRoundTrips;
import io.llmgateway.benchmarks.report.MachineFacts;
import io.llmgateway.benchmarks.report.ReportWriter;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.stream.StreamThroughput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmarks and writes the report. Usage: {@code BenchMain [--quick] [--only a,b,...]
 * [--out DIR] [--command TEXT]}. Sections: a classification, b job client call, c HiveOps call, d
 * streams, e rate-limit burst, f random 503s, g cold start, h shared rate window (store operations
 * per call).
 */
public final class BenchMain {
  static final List<String> SECTIONS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

  static final String USAGE =
      "usage: benchmarks/run [--quick] [--only a,b,c,d,e,f,g,h] [--out DIR]\n"
          + "  a error classification (JMH)   b job client call   c HiveOps call\n"
          + "  d 10,000-chunk streams         e rate-limit burst  f random 503s\n"
          + "  g cold start to first answer   h shared rate window: Redis round trips per call\n"
          + "  --quick  smoke sizes (numbers are noise)   --out  report directory";

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Path report = run(args, System.out);
    if (report != null) {
      System.out.println("report: " + report);
    }
    // OkHttp's and the OpenAI SDK's pool threads linger for a minute; the work is done.
    System.exit(0);
  }

  /** Runs the sections {@code args} ask for; returns the dated report file, null for --help. */
  public static @Nullable Path run(String[] args, PrintStream log) throws Exception {
    return run(args, log, null);
  }

  /**
   * As {@link #run(String[], PrintStream)}, with {@code sizes} (when set) instead of the flag's.
   */
  static @Nullable Path run(String[] args, PrintStream log, @Nullable Sizes override)
      throws Exception {
    boolean quick = false;
    Set<String> only = new LinkedHashSet<>(SECTIONS);
    Path out = Path.of("benchmarks", "results");
    String command = "java io.llmgateway.benchmarks.BenchMain " + String.join(" ", args);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          quick = true;
          break;
        case "--only":
          only = parseOnly(value(args, ++i, "--only"));
          break;
        case "--out":
          out = Path.of(value(args, ++i, "--out"));
          break;
        case "--help":
        case "-h":
          log.println(USAGE);
          return null;
        case "--command":
          command = value(args, ++i, "--command");
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
      }
    }
    Sizes sizes = override != null ? override : quick ? Sizes.quickRun() : Sizes.fullRun();
    MachineFacts facts = MachineFacts.collect();
    AllocationMeter meter = AllocationMeter.create();
    log.println(
        "benchmarks "
            + (quick ? "(quick) " : "")
            + String.join(",", only)
            + " on "
            + facts.cores()
            + " cores, "
            + facts.jdk());
    List<Section> sections = new ArrayList<>();
    for (String id : only) {
      log.println("section " + id);
      sections.add(
          switch (id) {
            case "a" -> ErrorClassificationRun.run(sizes, log);
            case "b" -> JobCallOverhead.run(sizes, meter, log);
            case "c" -> HiveOpsOverhead.run(sizes, meter, log);
            case "d" -> StreamThroughput.run(sizes, meter, log);
            case "e" -> RateLimitAdherence.run(sizes, log);
            case "f" -> RandomFaults.run(sizes, log);
            case "g" -> ColdStart.run(sizes, log);
            case "h" -> SharedStoreRoundTrips.run(sizes, log);
            default -> throw new IllegalStateException(id);
          });
    }
    if (meter == null) {
      sections
          .get(0)
          .text("This JVM cannot count allocated bytes per thread: allocation columns read n/a.");
    }
    boolean complete = only.size() == SECTIONS.size();
    String markdown = ReportWriter.render(facts, command, quick, complete, sections, Instant.now());
    return ReportWriter.write(out, markdown, facts.startedAt(), quick, complete);
  }

  private static Set<String> parseOnly(String list) {
    Set<String> only = new LinkedHashSet<>();
    for (String id : list.toLowerCase(Locale.ROOT).split(",")) {
      String s = id.strip();
      if (!SECTIONS.contains(s)) {
        throw new IllegalArgumentException("unknown section " + s + "; sections are " + SECTIONS);
      }
      only.add(s);
    }
    // Report order, whatever order they were asked in.
    Set<String> ordered = new LinkedHashSet<>(SECTIONS);
    ordered.retainAll(only);
    return ordered;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
