/** The Markdown report: machine facts, the summary of every row, and one section per benchmark. */
@NullMarked
package io.llmgateway.benchmarks.report;

import org.jspecify.annotations.NullMarked;
