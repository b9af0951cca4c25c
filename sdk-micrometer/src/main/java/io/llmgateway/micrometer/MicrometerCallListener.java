package io.llmgateway.micrometer;

import static io.llmgateway.micrometer.LlmgwMeters.ENDPOINT;
import static io.llmgateway.micrometer.LlmgwMeters.ERROR_TYPE;
import static io.llmgateway.micrometer.LlmgwMeters.GATEWAY;
import static io.llmgateway.micrometer.LlmgwMeters.OUTCOME;

import io.llmgateway.cost.TokenUsage;
import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.CircuitStateChanged;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.StreamEnded;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.metrics.UsageReported;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records every call of a client in a Micrometer registry: one line to install,
 *
 * <pre>{@code
 * SaasLiteLlmClient.builder()...listener(MicrometerCallListener.of(registry)).build();
 * HiveOpsClient.builder()...listener(MicrometerCallListener.of(registry)).build(); // drop-in too
 * }</pre>
 *
 * <p>The meters and their tags are listed in {@link LlmgwMeters}. Stateless apart from the
 * circuit-state gauges (one per breaker), so nothing grows with the number of calls. Thread-safe;
 * share one instance between clients. It never throws into a call: a registry that fails is ignored
 * for that event.
 */
public final class MicrometerCallListener implements CallListener {
  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<Timer> attempts;
  private final Meter.MeterProvider<Counter> retries;
  private final Meter.MeterProvider<Timer> retryWaits;
  private final Meter.MeterProvider<Timer> throttleWaits;
  private final Meter.MeterProvider<Counter> transitions;
  private final Meter.MeterProvider<Counter> tokens;
  private final Meter.MeterProvider<Counter> cost;
  private final Meter.MeterProvider<Counter> costUnknown;
  private final Meter.MeterProvider<Timer> streams;
  private final Meter.MeterProvider<DistributionSummary> streamChunks;
  private final CircuitStateGauges circuits;

  private MicrometerCallListener(MeterRegistry registry, Tags common) {
    calls =
        Timer.builder(LlmgwMeters.CALLS)
            .description("Calls to an LLM gateway, from start to end, retries and waits included")
            .tags(common)
            .withRegistry(registry);
    attempts =
        Timer.builder(LlmgwMeters.ATTEMPTS)
            .description("Attempts sent to an LLM gateway")
            .tags(common)
            .withRegistry(registry);
    retries =
        Counter.builder(LlmgwMeters.RETRIES)
            .description("Retries scheduled after a failed attempt")
            .tags(common)
            .withRegistry(registry);
    retryWaits =
        Timer.builder(LlmgwMeters.RETRY_WAIT)
            .description("Waits before a retry (backoff or the server's hint)")
            .tags(common)
            .withRegistry(registry);
    throttleWaits =
        Timer.builder(LlmgwMeters.THROTTLE_WAIT)
            .description("Waits the rate limiter imposed before sending")
            .tags(common)
            .withRegistry(registry);
    transitions =
        Counter.builder(LlmgwMeters.CIRCUIT_TRANSITIONS)
            .description("Circuit breaker state changes")
            .tags(common)
            .withRegistry(registry);
    tokens =
        Counter.builder(LlmgwMeters.TOKENS)
            .description("Tokens the gateway's answers reported")
            .baseUnit("tokens")
            .tags(common)
            .withRegistry(registry);
    cost =
        Counter.builder(LlmgwMeters.COST)
            .description("USD the answers cost, where the model's price is known")
            .baseUnit("usd")
            .tags(common)
            .withRegistry(registry);
    costUnknown =
        Counter.builder(LlmgwMeters.COST_UNKNOWN)
            .description("Answers whose cost is unknown (no price for the model)")
            .tags(common)
            .withRegistry(registry);
    streams =
        Timer.builder(LlmgwMeters.STREAMS)
            .description("Streams, from the call's start to the stream's end")
            .tags(common)
            .withRegistry(registry);
    streamChunks =
        DistributionSummary.builder(LlmgwMeters.STREAM_CHUNKS)
            .description("Chunks per stream")
            .baseUnit("chunks")
            .tags(common)
            .withRegistry(registry);
    circuits = new CircuitStateGauges(registry, common);
  }

  /** A listener recording into {@code registry}. */
  public static MicrometerCallListener of(MeterRegistry registry) {
    return of(registry, Tags.empty());
  }

  /** A listener recording into {@code registry}, with {@code tags} on every meter. */
  public static MicrometerCallListener of(MeterRegistry registry, Iterable<Tag> tags) {
    Objects.requireNonNull(registry, "registry");
    return new MicrometerCallListener(registry, Tags.of(tags));
  }

  @Override
  public void onEvent(CallEvent event) {
    try {
      record(event);
    } catch (RuntimeException e) {
      // A registry that refuses a meter (a name clash, a closed registry) must not fail the call;
      // the next event tries again.
    }
  }

  private void record(CallEvent event) {
    Tags where = Tags.of(GATEWAY, event.provider().id(), ENDPOINT, event.endpoint().id());
    if (event instanceof CallFinished f) {
      calls.withTags(where.and(outcome(f.errorType()))).record(f.latency());
    } else if (event instanceof AttemptFinished a) {
      Integer status = a.status();
      Tags tags =
          where
              .and(outcome(a.errorType()))
              .and(LlmgwMeters.STATUS, status == null ? LlmgwMeters.NONE : status.toString());
      attempts.withTags(tags).record(a.latency());
    } else if (event instanceof RetryScheduled r) {
      Tags tags =
          where.and(LlmgwMeters.REASON, lower(r.reason().name())).and(ERROR_TYPE, r.errorType());
      retries.withTags(tags).increment();
      retryWaits.withTags(where).record(r.delay());
    } else if (event instanceof Throttled t) {
      throttleWaits.withTags(where).record(t.delay());
    } else if (event instanceof CircuitStateChanged c) {
      circuits.record(c, where);
      transitions
          .withTags(
              where
                  .and(LlmgwMeters.FROM, CircuitStateGauges.name(c.from()))
                  .and(LlmgwMeters.TO, CircuitStateGauges.name(c.to())))
          .increment();
    } else if (event instanceof UsageReported u) {
      usage(u, where.and(LlmgwMeters.MODEL, u.model().isEmpty() ? LlmgwMeters.NONE : u.model()));
    } else if (event instanceof StreamEnded s) {
      streams.withTags(where.and(outcome(s.errorType()))).record(s.duration());
      streamChunks.withTags(where).record(s.chunks());
    }
  }

  private void usage(UsageReported u, Tags where) {
    TokenUsage used = u.usage();
    if (used != null) {
      if (used.promptTokens() + used.completionTokens() == used.totalTokens()) {
        count(where, "input", used.promptTokens());
        count(where, "output", used.completionTokens());
      } else {
        // SaaS LiteLLM answers give a total only: no split to report, and none to invent.
        count(where, "total", used.totalTokens());
      }
    }
    BigDecimal usd = u.cost().usd();
    if (usd != null) {
      cost.withTags(where).increment(usd.doubleValue());
    } else {
      costUnknown.withTags(where).increment();
    }
  }

  private void count(Tags where, String type, long amount) {
    if (amount > 0) {
      tokens.withTags(where.and(LlmgwMeters.TOKEN_TYPE, type)).increment(amount);
    }
  }

  private static Tags outcome(@Nullable String errorType) {
    return errorType == null
        ? Tags.of(OUTCOME, "success", ERROR_TYPE, LlmgwMeters.NONE)
        : Tags.of(OUTCOME, "error", ERROR_TYPE, errorType);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
