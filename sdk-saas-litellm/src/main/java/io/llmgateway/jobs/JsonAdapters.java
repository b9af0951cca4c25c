package io.llmgateway.jobs;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The Moshi instance of the job client, with the adapters the wire needs. */
final class JsonAdapters {
  static final Moshi MOSHI =
      new Moshi.Builder()
          .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
          .add(Instant.class, new InstantAdapter().nullSafe())
          .add(new JobStatusAdapter())
          .build();

  private JsonAdapters() {}

  /** Reads a number's literal text, so 0.004512 stays exact; writes it back as a number. */
  static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      return new BigDecimal(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      writer.value(value);
    }
  }

  /** Both timestamp formats of the server; unreadable text becomes null, not a failure. */
  static final class InstantAdapter extends JsonAdapter<Instant> {
    @Override
    public @Nullable Instant fromJson(JsonReader reader) throws IOException {
      return io.llmgateway.internal.Timestamps.parse(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Instant value) throws IOException {
      writer.value(value == null ? null : value.toString());
    }
  }

  static final class JobStatusAdapter {
    @FromJson
    JobStatus fromJson(String value) {
      return JobStatus.of(value);
    }

    @ToJson
    String toJson(JobStatus status) {
      return status.value();
    }
  }
}
