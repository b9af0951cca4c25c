package io.llmgateway.jobs;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The job client's requests, built by Retrofit from {@link JobsRoutes}. Retrofit only builds them:
 * our pipeline sends every attempt itself (retries, timeouts, breaker, throttle), so Retrofit's
 * call factory here hands back the request instead of making an OkHttp call for it, which would be
 * thrown away on every attempt.
 */
final class JobsApi {
  private final JobsRoutes routes;

  JobsApi(HttpUrl baseUrl) {
    this.routes =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(RequestOnly::new)
            .build()
            .create(JobsRoutes.class);
  }

  Request createJob(String requestId, RequestBody body) {
    return routes.createJob(requestId, body).request();
  }

  Request getJob(String requestId, String jobId) {
    return routes.getJob(requestId, jobId).request();
  }

  Request updateMetadata(String requestId, String jobId, RequestBody body) {
    return routes.updateMetadata(requestId, jobId, body).request();
  }

  Request llmCall(String requestId, String jobId, RequestBody body) {
    return routes.llmCall(requestId, jobId, body).request();
  }

  Request completeJob(String requestId, String jobId, RequestBody body) {
    return routes.completeJob(requestId, jobId, body).request();
  }

  Request createAndCall(String requestId, RequestBody body) {
    return routes.createAndCall(requestId, body).request();
  }

  Request jobCosts(String requestId, String jobId) {
    return routes.jobCosts(requestId, jobId).request();
  }

  Request teamJobs(
      String requestId, String teamId, int limit, int offset, @Nullable String status) {
    return routes.teamJobs(requestId, teamId, limit, offset, status).request();
  }

  Request teamUsage(String requestId, String teamId, String period) {
    return routes.teamUsage(requestId, teamId, period).request();
  }

  Request creditBalance(String requestId, String teamId) {
    return routes.creditBalance(requestId, teamId).request();
  }

  Request creditTransactions(String requestId, String teamId, int limit) {
    return routes.creditTransactions(requestId, teamId, limit).request();
  }

  Request checkCredits(String requestId, String teamId, long creditsNeeded) {
    return routes.checkCredits(requestId, teamId, creditsNeeded).request();
  }

  Request team(String requestId, String teamId) {
    return routes.team(requestId, teamId).request();
  }

  Request resolveModelGroup(String requestId, String groupName, String teamId) {
    return routes.resolveModelGroup(requestId, groupName, teamId).request();
  }

  Request models(String requestId) {
    return routes.models(requestId).request();
  }

  Request model(String requestId, String alias) {
    return routes.model(requestId, alias).request();
  }

  Request health(String requestId) {
    return routes.health(requestId).request();
  }

  /** What Retrofit's call factory returns: the request, and nothing that sends it. */
  private static final class RequestOnly implements Call {
    private final Request request;

    RequestOnly(Request request) {
      this.request = request;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public okhttp3.Response execute() {
      throw new UnsupportedOperationException("the pipeline sends job requests");
    }

    @Override
    public void enqueue(okhttp3.Callback responseCallback) {
      throw new UnsupportedOperationException("the pipeline sends job requests");
    }

    @Override
    public void cancel() {}

    @Override
    public boolean isExecuted() {
      return false;
    }

    @Override
    public boolean isCanceled() {
      return false;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public Call clone() {
      return new RequestOnly(request);
    }
  }
}
