package io.llmgateway.cost;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads LiteLLM's price-file field names, with the prices kept exact as BigDecimal. */
final class LiteLlmPriceFile {
  private LiteLlmPriceFile() {}

  static PriceTable parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      return readTable(reader);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a LiteLLM price file: " + e.getMessage(), e);
    }
  }

  private static PriceTable readTable(JsonReader reader) throws IOException {
    PriceTable.Builder table = PriceTable.builder();
    reader.beginObject();
    while (reader.hasNext()) {
      String model = reader.nextName();
      ModelPrice price = readEntry(reader);
      if (price != null && !model.isEmpty() && !"sample_spec".equals(model)) {
        table.put(model, price);
      }
    }
    reader.endObject();
    return table.build();
  }

  private static @Nullable ModelPrice readEntry(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    BigDecimal input = null;
    BigDecimal output = null;
    reader.beginObject();
    while (reader.hasNext()) {
      String field = reader.nextName();
      if ("input_cost_per_token".equals(field)) {
        input = number(reader);
      } else if ("output_cost_per_token".equals(field)) {
        output = number(reader);
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    if (input == null || output == null || input.signum() < 0 || output.signum() < 0) {
      return null;
    }
    return ModelPrice.perToken(input, output);
  }

  // nextString() returns a number's literal text, so 1e-08 stays exact instead of a double.
  private static @Nullable BigDecimal number(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      reader.skipValue();
      return null;
    }
    try {
      return new BigDecimal(reader.nextString());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
