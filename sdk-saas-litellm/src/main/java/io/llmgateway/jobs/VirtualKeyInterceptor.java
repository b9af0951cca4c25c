package io.llmgateway.jobs;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds {@code Authorization: Bearer <virtual key>} to every request. Never prints the key. */
final class VirtualKeyInterceptor implements Interceptor {
  private final String header;

  VirtualKeyInterceptor(String virtualKey) {
    this.header = "Bearer " + virtualKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", header).build());
  }

  @Override
  public String toString() {
    return "VirtualKeyInterceptor{[REDACTED]}";
  }
}
