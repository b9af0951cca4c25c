package io.llmgateway.benchmarks.report;

/**
 * One line of the summary: what was measured, our figure, the baseline's, their ratio, the goal and
 * whether the goal was met. Figures are preformatted text so each benchmark picks its own units.
 */
public record Row(
    String id,
    String measure,
    String ours,
    String baseline,
    String ratio,
    String goal,
    Verdict verdict) {}
