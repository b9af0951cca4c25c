package io.llmgateway.benchmarks.cold;

import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;
import io.llmgateway.benchmarks.server.CannedServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Row g: a fresh JVM from its start to its first answer, for each client and the library it is
 * measured against. Each contestant runs {@link ColdMain} in a new {@code java} process on the
 * harness's classpath, against one canned loopback server; rounds rotate the order so no contestant
 * always runs first on a cold disk cache.
 */
public final class ColdStart {
  private static final String[] WHO = {"raw", "jobs", "openai", "facade", "dropin"};

  private ColdStart() {}

  public static Section run(Sizes sizes, PrintStream log) throws Exception {
    int rounds = sizes.coldStarts();
    long[][] millis = new long[WHO.length][rounds];
    try (CannedServer server = CannedServer.start(null, 4)) {
      for (int r = 0; r < rounds; r++) {
        for (int j = 0; j < WHO.length; j++) {
          int c = (r + j) % WHO.length;
          millis[c][r] = once(WHO[c], server.url());
        }
        log.println("  g: round " + (r + 1) + "/" + rounds + " " + Arrays.deepToString(millis));
      }
    }
    Section s = new Section("g", "A fresh JVM, from start to its first answer");
    s.text(
        "Each contestant is a new `java` process (the harness's JVM, classpath and options but"
            + " no -Xms; JDK "
            + System.getProperty("java.version")
            + ") that builds its client, makes one call to a canned loopback server and prints"
            + " the JVM's uptime at the answer (`RuntimeMXBean.getUptime()`): JVM start, class"
            + " loading, client set-up, connect, request and parse. "
            + rounds
            + " rounds, the order rotating; the median is reported.\n"
            + "- **raw**: OkHttp + Moshi (`Object` adapter) posting to the job client's llm-call"
            + " path.\n- **jobs**: `SaasLiteLlmClient.builder()...build().llmCall(...)`.\n"
            + "- **openai**: plain openai-java, `OpenAIOkHttpClient.builder().baseUrl(..).apiKey(..)"
            + ".build()`, one `chat().completions().create(...)`.\n"
            + "- **facade**: `HiveOpsClient.builder()...build().chat(params)`.\n"
            + "- **dropin**: the same client's `openAi().chat().completions().create(...)`.");
    Table t = new Table("contestant", "median to first answer", "best", "all rounds (ms)");
    double[] median = new double[WHO.length];
    for (int c = 0; c < WHO.length; c++) {
      long[] sorted = millis[c].clone();
      Arrays.sort(sorted);
      median[c] = sorted[sorted.length / 2];
      t.row(
          WHO[c], sorted[sorted.length / 2] + " ms", sorted[0] + " ms", Arrays.toString(millis[c]));
    }
    s.table(t);
    double jobs = median[1] / median[0];
    double facade = median[3] / median[2];
    double dropIn = median[4] / median[2];
    s.row(
        new Row(
            "g",
            "cold start to first answer, job client vs raw OkHttp + Moshi (lower is better)",
            ms(median[1]),
            ms(median[0]),
            ratio(jobs),
            "<= 1.50x",
            jobs <= 1.5 ? Verdict.PASS : Verdict.MISS));
    s.row(
        new Row(
            "g",
            "cold start to first answer, HiveOps facade vs plain openai-java",
            ms(median[3]),
            ms(median[2]),
            ratio(facade),
            "<= 1.00x",
            facade <= 1.0 ? Verdict.PASS : Verdict.MISS));
    s.row(
        new Row(
            "g",
            "cold start to first answer, drop-in OpenAIClient vs plain openai-java",
            ms(median[4]),
            ms(median[2]),
            ratio(dropIn),
            "<= 1.00x",
            dropIn <= 1.0 ? Verdict.PASS : Verdict.MISS));
    return s;
  }

  private static long once(String who, String url) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ColdMain.class.getName());
    cmd.add(who);
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("uptime_ms=")) {
          p.waitFor();
          return Long.parseLong(line.substring(10, line.indexOf(' ')));
        }
        lines.add(line);
      }
    }
    throw new IllegalStateException(who + " printed no answer: " + String.join("\n", lines));
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.0f ms", v);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2fx", v);
  }
}
