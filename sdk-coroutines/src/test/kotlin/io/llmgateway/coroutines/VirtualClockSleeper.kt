package io.llmgateway.coroutines
