package io.llmgateway.examples;

// region observability
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.micrometer.MicrometerCallListener;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.opentelemetry.OpenTelemetryCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

// endregion

/** Metrics and traces of every call, one line each (the job client takes the same listeners). */
public final class ObservabilityQuickstart {
  private ObservabilityQuickstart() {}

  public static void main(String[] args) {
    // region observability
    MeterRegistry meterRegistry = new SimpleMeterRegistry(); // or your app's registry
    OpenTelemetry openTelemetry = GlobalOpenTelemetry.get(); // or your app's OpenTelemetry
    try (HiveOpsClient hive =
        HiveOpsClient.builder()
            .listener(MicrometerCallListener.of(meterRegistry)) // io.llmgateway:sdk-micrometer
            .listener(OpenTelemetryCallListener.of(openTelemetry)) // sdk-opentelemetry
            .build()) { // calls through hive.openAi() are measured and traced too
      hive.chat(
          ChatCompletionCreateParams.builder()
              .model("gpt-3.5-turbo")
              .addUserMessage("Say hello")
              .build());
      long calls = (long) meterRegistry.get("llmgw.calls").timer().count();
      System.out.println(calls + " call(s) measured");
    }
    // endregion
  }
}
