package io.llmgateway.jobs;

import io.llmgateway.internal.call.CallContext;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Every endpoint a SaaS LiteLLM team key can call, declared for Retrofit. Bodies arrive already
 * written as JSON by Moshi ({@link JsonBodies}); answers come back raw, so the client reads them
 * tolerantly with Moshi and classifies errors itself. Retrofit only builds the requests ({@link
 * #create}): {@code routes.llmCall(..).request()}, and the SDK's call layer sends them, streams
 * included.
 */
interface JobsRoutes {
  String REQUEST_ID = CallContext.REQUEST_ID_HEADER;

  /** Routes under {@code baseUrl} whose calls are only requests (see {@link RequestOnlyCall}). */
  static JobsRoutes create(HttpUrl baseUrl) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(RequestOnlyCall::new)
        .build()
        .create(JobsRoutes.class);
  }

  @POST("api/jobs/create")
  Call<ResponseBody> createJob(@Header(REQUEST_ID) String requestId, @Body RequestBody body);

  @GET("api/jobs/{job_id}")
  Call<ResponseBody> getJob(@Header(REQUEST_ID) String requestId, @Path("job_id") String jobId);

  @PATCH("api/jobs/{job_id}/metadata")
  Call<ResponseBody> updateMetadata(
      @Header(REQUEST_ID) String requestId, @Path("job_id") String jobId, @Body RequestBody body);

  @POST("api/jobs/{job_id}/llm-call")
  Call<ResponseBody> llmCall(
      @Header(REQUEST_ID) String requestId, @Path("job_id") String jobId, @Body RequestBody body);

  @POST("api/jobs/{job_id}/llm-call-stream")
  @Headers("Accept: text/event-stream")
  Call<ResponseBody> llmCallStream(
      @Header(REQUEST_ID) String requestId, @Path("job_id") String jobId, @Body RequestBody body);

  @POST("api/jobs/{job_id}/complete")
  Call<ResponseBody> completeJob(
      @Header(REQUEST_ID) String requestId, @Path("job_id") String jobId, @Body RequestBody body);

  @POST("api/jobs/create-and-call")
  Call<ResponseBody> createAndCall(@Header(REQUEST_ID) String requestId, @Body RequestBody body);

  @POST("api/jobs/create-and-call-stream")
  @Headers("Accept: text/event-stream")
  Call<ResponseBody> createAndCallStream(
      @Header(REQUEST_ID) String requestId, @Body RequestBody body);

  @GET("api/jobs/{job_id}/costs")
  Call<ResponseBody> jobCosts(@Header(REQUEST_ID) String requestId, @Path("job_id") String jobId);

  @GET("api/teams/{team_id}/jobs")
  Call<ResponseBody> teamJobs(
      @Header(REQUEST_ID) String requestId,
      @Path("team_id") String teamId,
      @Query("limit") int limit,
      @Query("offset") int offset,
      @Query("status") @Nullable String status);

  @GET("api/teams/{team_id}/usage")
  Call<ResponseBody> teamUsage(
      @Header(REQUEST_ID) String requestId,
      @Path("team_id") String teamId,
      @Query("period") String period);

  @GET("api/credits/teams/{team_id}/balance")
  Call<ResponseBody> creditBalance(
      @Header(REQUEST_ID) String requestId, @Path("team_id") String teamId);

  @GET("api/credits/teams/{team_id}/transactions")
  Call<ResponseBody> creditTransactions(
      @Header(REQUEST_ID) String requestId,
      @Path("team_id") String teamId,
      @Query("limit") int limit);

  @POST("api/credits/teams/{team_id}/check")
  Call<ResponseBody> checkCredits(
      @Header(REQUEST_ID) String requestId,
      @Path("team_id") String teamId,
      @Query("credits_needed") long creditsNeeded);

  @GET("api/teams/{team_id}")
  Call<ResponseBody> team(@Header(REQUEST_ID) String requestId, @Path("team_id") String teamId);

  @GET("api/model-groups/{group_name}/resolve")
  Call<ResponseBody> resolveModelGroup(
      @Header(REQUEST_ID) String requestId,
      @Path("group_name") String groupName,
      @Query("team_id") String teamId);

  /** No authentication on the server; the key is sent anyway (one client, one header). */
  @GET("api/models")
  Call<ResponseBody> models(@Header(REQUEST_ID) String requestId);

  @GET("api/models/{alias}")
  Call<ResponseBody> model(@Header(REQUEST_ID) String requestId, @Path("alias") String alias);

  @GET("health")
  Call<ResponseBody> health(@Header(REQUEST_ID) String requestId);
}
