package io.llmgateway.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness on tiny sizes (the job-client overhead section: no JMH forks, no real waiting,
 * no OpenAI SDK start-up) and checks the report renders. It proves the harness works, never the
 * numbers; the committed quick report covers every section.
 */
class SmokeRunTest {
  @Test
  void aTinyRunWritesAReportWithEveryRowOfItsSections(@TempDir Path dir) throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Path report =
        BenchMain.run(
            new String[] {"--quick", "--only", "b", "--out", dir.toString()},
            quiet,
            Sizes.smokeTest());

    assertNotNull(report);
    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(text.contains("QUICK RUN"), "labelled quick");
    assertTrue(text.contains("| cores (availableProcessors) |"), "machine facts");
    assertTrue(text.contains("| b | job client llm-call, median latency |"), "row b median");
    assertTrue(text.contains("| b | job client llm-call, p99 latency |"), "row b p99");
    assertTrue(text.contains("| b | job client llm-call, bytes allocated per call |"), "alloc");
    assertTrue(text.contains("Wire bodies compared as JSON before the run: **identical**"));
    assertFalse(Files.exists(dir.resolve("latest.md")), "a partial run leaves latest.md alone");
  }
}
