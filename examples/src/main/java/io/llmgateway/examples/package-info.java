/**
 * The README's snippets as compiled programs. Each {@code // region NAME} ... {@code // endregion}
 * pair marks the text of the README block under {@code <!-- snippet: NAME -->}; {@code
 * ReadmeSnippetsTest} fails when the two differ.
 */
package io.llmgateway.examples;
