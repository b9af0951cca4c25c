package io.llmgateway.benchmarks.errors;

import com.squareup.moshi.JsonReader;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.internal.http.HeaderLookup;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation is one pass over the whole {@link ErrorCorpus}: {@link #classifier} turns every
 * (status, headers, body, content type) into a typed exception; {@link #moshiReadJsonValue} parses
 * the same bytes with Moshi's {@code JsonReader.readJsonValue()}, catching what is not JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ErrorClassificationBenchmark {
  /** The instant the corpus's reset headers and HTTP dates are read against. */
  static final Instant NOW = Instant.parse("2026-03-20T12:29:00Z");

  private ErrorCorpus.Case[] cases = new ErrorCorpus.Case[0];
  private HeaderLookup[] headers = new HeaderLookup[0];
  private ErrorClassifier classifier = ErrorClassifier.create();

  @Setup
  public void setUp() {
    List<ErrorCorpus.Case> all = ErrorCorpus.all();
    cases = all.toArray(new ErrorCorpus.Case[0]);
    headers = new HeaderLookup[cases.length];
    for (int i = 0; i < cases.length; i++) {
      headers[i] = cases[i].lookup();
    }
    classifier = new ErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Benchmark
  public void classifier(Blackhole bh) {
    for (int i = 0; i < cases.length; i++) {
      bh.consume(classify(classifier, cases[i], headers[i]));
    }
  }

  @Benchmark
  public void moshiReadJsonValue(Blackhole bh) {
    for (ErrorCorpus.Case c : cases) {
      bh.consume(readJsonValue(c.body()));
    }
  }

  static Object classify(ErrorClassifier classifier, ErrorCorpus.Case c, HeaderLookup headers) {
    return classifier.classify(c.provider(), c.status(), headers, c.body(), c.contentType());
  }

  /** The raw tool: the parsed value, or the exception Moshi threw for a body that is not JSON. */
  static Object readJsonValue(byte[] body) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      Object value = reader.readJsonValue();
      return value == null ? reader : value;
    } catch (IOException | RuntimeException e) {
      return e;
    }
  }
}
