/**
 * llmgw, the command-line tool: a demo on the embedded fake gateway, and doctor, chat, stream, job,
 * simulate and serve against any gateway.
 */
@NullMarked
package io.llmgateway.cli;

import org.jspecify.annotations.NullMarked;
