/**
 * What every llmgw command shares, below the commands themselves: the process it runs in ({@link
 * io.llmgateway.cli.console.Env}), how it prints and what it returns ({@link
 * io.llmgateway.cli.console.Printer}, {@link io.llmgateway.cli.console.Result}, {@link
 * io.llmgateway.cli.console.ExitCodes}), and the calls it counts.
 */
@NullMarked
package io.llmgateway.cli.console;

import org.jspecify.annotations.NullMarked;
