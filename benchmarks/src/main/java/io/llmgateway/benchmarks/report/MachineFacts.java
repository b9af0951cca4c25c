package io.llmgateway.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The facts a reader needs to judge the numbers: hardware, JDK, OS, load, date and source. */
public record MachineFacts(
    int cores,
    String cpu,
    String memory,
    String jdk,
    String os,
    String jvmArgs,
    String loadAtStart,
    String commit,
    Instant startedAt) {

  public static MachineFacts collect() {
    Runtime rt = Runtime.getRuntime();
    var osBean = ManagementFactory.getOperatingSystemMXBean();
    String memory = "unknown";
    if (osBean instanceof com.sun.management.OperatingSystemMXBean sun) {
      memory = Format.bytes(sun.getTotalMemorySize()) + " physical";
    }
    memory += ", max heap " + Format.bytes(rt.maxMemory());
    return new MachineFacts(
        rt.availableProcessors(),
        cpuModel(),
        memory,
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        loadAverage(),
        gitCommit(),
        Instant.now());
  }

  /** The one-minute load average now, with the core count for scale. */
  public static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : Format.f("%.2f", load);
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      try {
        for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).strip();
          }
        }
      } catch (IOException e) {
        // fall through
      }
    }
    return System.getProperty("os.arch");
  }

  /**
   * The commit, with {@code -dirty} when tracked files outside {@code benchmarks/results} differ
   * from it (earlier reports are not a change to the code measured).
   */
  private static String gitCommit() {
    String head = git("rev-parse", "--short=12", "HEAD");
    if (head == null || head.isEmpty()) {
      return "unknown";
    }
    String changes =
        git(
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            ":(top)",
            ":(top,exclude)benchmarks/results");
    return changes == null
        ? head + " (status unknown)"
        : changes.isEmpty() ? head : head + "-dirty";
  }

  private static @Nullable String git(String... args) {
    try {
      String[] command = new String[args.length + 1];
      command[0] = "git";
      System.arraycopy(args, 0, command, 1, args.length);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null; // no git here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  List<String> lines() {
    return List.of(
        "| fact | value |",
        "|---|---|",
        "| cores (availableProcessors) | " + cores + " |",
        "| CPU | " + cpu + " |",
        "| memory | " + memory + " |",
        "| JDK | " + jdk + " |",
        "| OS | " + os + " |",
        "| JVM arguments | `" + (jvmArgs.isEmpty() ? "(none)" : jvmArgs) + "` |",
        "| load average (1 min) at start | " + loadAtStart + " |",
        "| source | `" + commit + "` |",
        "| started | " + startedAt + " |");
  }
}
