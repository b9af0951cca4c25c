package io.llmgateway.jobs;

import io.llmgateway.pipeline.CallContext;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Every endpoint a SaaS LiteLLM team key can call, as OkHttp requests. Routes are fixed, so they
 * are written out here: path values are encoded as one segment each (a {@code /} in a value is
 * {@code %2F}, {@code .} and {@code ..} are refused), bodies are JSON. Retrofit used to build
 * these; for seventeen fixed routes its per-call request building cost more than our whole
 * pipeline. Answers are read by {@link JobsTransport}. The streaming endpoints are in {@link
 * StreamCall}.
 */
final class JobsApi {
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final HttpUrl baseUrl;
  private final String basePath;

  JobsApi(HttpUrl baseUrl) {
    if (!baseUrl.encodedPath().endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end in /: " + baseUrl);
    }
    this.baseUrl = baseUrl;
    this.basePath = baseUrl.encodedPath();
  }

  Request createJob(String requestId, RequestBody body) {
    return post(requestId, url("api", "jobs", "create"), body);
  }

  Request getJob(String requestId, String jobId) {
    return get(requestId, url("api", "jobs", segment(jobId)));
  }

  Request updateMetadata(String requestId, String jobId, RequestBody body) {
    return new Request.Builder()
        .url(url("api", "jobs", segment(jobId), "metadata"))
        .header(CallContext.REQUEST_ID_HEADER, requestId)
        .patch(body)
        .build();
  }

  Request llmCall(String requestId, String jobId, RequestBody body) {
    return post(requestId, url("api", "jobs", segment(jobId), "llm-call"), body);
  }

  Request completeJob(String requestId, String jobId, RequestBody body) {
    return post(requestId, url("api", "jobs", segment(jobId), "complete"), body);
  }

  Request createAndCall(String requestId, RequestBody body) {
    return post(requestId, url("api", "jobs", "create-and-call"), body);
  }

  Request jobCosts(String requestId, String jobId) {
    return get(requestId, url("api", "jobs", segment(jobId), "costs"));
  }

  Request teamJobs(
      String requestId, String teamId, int limit, int offset, @Nullable String status) {
    HttpUrl.Builder url =
        urlBuilder("api", "teams", segment(teamId), "jobs")
            .addQueryParameter("limit", Integer.toString(limit))
            .addQueryParameter("offset", Integer.toString(offset));
    if (status != null) {
      url.addQueryParameter("status", status);
    }
    return get(requestId, url.build());
  }

  Request teamUsage(String requestId, String teamId, String period) {
    return get(
        requestId,
        urlBuilder("api", "teams", segment(teamId), "usage")
            .addQueryParameter("period", period)
            .build());
  }

  Request creditBalance(String requestId, String teamId) {
    return get(requestId, url("api", "credits", "teams", segment(teamId), "balance"));
  }

  Request creditTransactions(String requestId, String teamId, int limit) {
    return get(
        requestId,
        urlBuilder("api", "credits", "teams", segment(teamId), "transactions")
            .addQueryParameter("limit", Integer.toString(limit))
            .build());
  }

  Request checkCredits(String requestId, String teamId, long creditsNeeded) {
    return post(
        requestId,
        urlBuilder("api", "credits", "teams", segment(teamId), "check")
            .addQueryParameter("credits_needed", Long.toString(creditsNeeded))
            .build(),
        EMPTY);
  }

  Request team(String requestId, String teamId) {
    return get(requestId, url("api", "teams", segment(teamId)));
  }

  Request resolveModelGroup(String requestId, String groupName, String teamId) {
    return get(
        requestId,
        urlBuilder("api", "model-groups", segment(groupName), "resolve")
            .addQueryParameter("team_id", teamId)
            .build());
  }

  /** No authentication on the server; the key is sent anyway (one client, one header). */
  Request models(String requestId) {
    return get(requestId, url("api", "models"));
  }

  Request model(String requestId, String alias) {
    return get(requestId, url("api", "models", segment(alias)));
  }

  Request health(String requestId) {
    return get(requestId, url("health"));
  }

  private static Request get(String requestId, HttpUrl url) {
    return new Request.Builder().url(url).header(CallContext.REQUEST_ID_HEADER, requestId).build();
  }

  private static Request post(String requestId, HttpUrl url, RequestBody body) {
    return new Request.Builder()
        .url(url)
        .header(CallContext.REQUEST_ID_HEADER, requestId)
        .post(body)
        .build();
  }

  /**
   * The base URL plus {@code segments}, each one already encoded (constants, or {@link #segment}).
   */
  private HttpUrl url(String... segments) {
    return urlBuilder(segments).build();
  }

  private HttpUrl.Builder urlBuilder(String... segments) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String s : segments) {
      if (s.isEmpty()) {
        // An empty value keeps its place ("jobs//complete"), as a path written out would.
        return url.encodedPath(basePath + String.join("/", segments));
      }
      url.addEncodedPathSegment(s);
    }
    return url;
  }

  /**
   * {@code value} as one encoded path segment: UTF-8 percent-encoding for controls, non-ASCII, and
   * {@code space " # % / < > ? \ ^ ` { | }}. A value of {@code .} or {@code ..} would move up the
   * path and is refused.
   */
  static String segment(String value) {
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(
          "path values must not perform path traversal ('.' or '..'): " + value);
    }
    for (int i = 0; i < value.length(); i++) {
      if (mustEncode(value.charAt(i))) {
        return encode(value);
      }
    }
    return value;
  }

  private static boolean mustEncode(char c) {
    return c < 0x20 || c >= 0x7f || " \"#%/<>?\\^`{|}".indexOf(c) >= 0;
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte b : utf8) {
      int c = b & 0xff;
      if (c >= 0x80 || mustEncode((char) c)) {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }
}
