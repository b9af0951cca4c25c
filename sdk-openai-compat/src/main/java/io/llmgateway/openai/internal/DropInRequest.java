package io.llmgateway.openai.internal;

import okhttp3.Request;

/** What the rewrite learnt of a drop-in request's body, for the pipeline: a stream or not. */
public final class DropInRequest {
  private final boolean stream;

  DropInRequest(boolean stream) {
    this.stream = stream;
  }

  static boolean isStream(Request request) {
    DropInRequest tag = request.tag(DropInRequest.class);
    return tag != null && tag.stream;
  }
}
