package io.llmgateway.internal.http;

import io.llmgateway.error.ErrorClassifier;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Caps the body of every error response at {@link ErrorClassifier#BODY_READ_LIMIT} bytes, so a
 * gateway or proxy that answers an error with many megabytes never has them read into memory (by
 * Retrofit, which buffers error bodies, or anyone else). A body that stalls or breaks keeps what
 * arrived. Success bodies pass untouched.
 */
public final class BoundedErrorBodyInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (response.isSuccessful() || body == null) {
      return response;
    }
    Buffer prefix = new Buffer();
    try (body) {
      BufferedSource source = body.source();
      while (prefix.size() < ErrorClassifier.BODY_READ_LIMIT) {
        if (source.read(prefix, ErrorClassifier.BODY_READ_LIMIT - prefix.size()) == -1) {
          break;
        }
      }
    } catch (IOException e) {
      // A stalled or cut error body still has a status worth classifying: keep what arrived.
    }
    return response
        .newBuilder()
        .body(ResponseBody.create(prefix, body.contentType(), prefix.size()))
        .build();
  }
}
