package io.llmgateway.openai.internal;

import okhttp3.Request;

/** What the rewrite learnt of a drop-in request's body, for the pipeline. */
public final class DropInRequest {
  private final boolean stream;
  private final String model;

  DropInRequest(boolean stream, String model) {
    this.stream = stream;
    this.model = model;
  }

  static boolean isStream(Request request) {
    DropInRequest tag = request.tag(DropInRequest.class);
    return tag != null && tag.stream;
  }

  /** The gateway model the request asks for (after mapping), or empty. */
  static String model(Request request) {
    DropInRequest tag = request.tag(DropInRequest.class);
    return tag == null ? "" : tag.model;
  }
}
