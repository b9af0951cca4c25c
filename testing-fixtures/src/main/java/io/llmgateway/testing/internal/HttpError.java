package io.llmgateway.testing.internal;

import okhttp3.mockwebserver.MockResponse;

/** Ends request handling early with a ready response (an HTTP error of either dialect). */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient MockResponse response;

  public HttpError(MockResponse response) {
    this(response, "HTTP " + response.getStatus());
  }

  /** {@code message} is the error text (a {@code detail}), for state that records it. */
  public HttpError(MockResponse response, String message) {
    super(message, null, false, false);
    this.response = response;
  }

  public MockResponse response() {
    return response;
  }
}
