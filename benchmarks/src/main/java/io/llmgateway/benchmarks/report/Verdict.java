package io.llmgateway.benchmarks.report;

/** How a row compares with its goal. */
public enum Verdict {
  PASS,
  MISS,
  /**
   * No goal: a figure for context (a reference contestant, or a row the issue sets no goal for).
   */
  INFO
}
