package io.llmgateway.internal.stream;

import com.squareup.moshi.JsonReader;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.stream.ChunkShape;
import io.llmgateway.stream.StreamChunk;
import java.io.IOException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads one SSE {@code data:} payload of any shape the gateways forward: OpenAI chunks, Anthropic
 * and Gemini native events, {@code [DONE]}, and error events. A single streaming pass that skips
 * what it does not need, because it runs once per chunk. Never throws.
 */
public final class StreamPayloadParser {
  private static final JsonReader.Options TOP =
      JsonReader.Options.of(
          "error", "choices", "usage", "type", "delta", "message", "candidates", "usageMetadata");
  private static final JsonReader.Options CHOICE =
      JsonReader.Options.of("delta", "message", "finish_reason");
  private static final JsonReader.Options DELTA =
      JsonReader.Options.of("content", "text", "stop_reason");
  private static final JsonReader.Options USAGE =
      JsonReader.Options.of(
          "prompt_tokens",
          "completion_tokens",
          "total_tokens",
          "input_tokens",
          "output_tokens",
          "promptTokenCount",
          "candidatesTokenCount",
          "totalTokenCount");
  private static final JsonReader.Options CANDIDATE =
      JsonReader.Options.of("content", "finishReason");
  private static final JsonReader.Options PARTS = JsonReader.Options.of("parts");
  private static final JsonReader.Options TEXT = JsonReader.Options.of("text");
  private static final JsonReader.Options MESSAGE = JsonReader.Options.of("usage", "content");

  private StreamPayloadParser() {}

  public static StreamEvent parse(String data) {
    String trimmed = data.strip();
    if ("[DONE]".equals(trimmed)) {
      return StreamEvent.Done.INSTANCE;
    }
    if (trimmed.isEmpty() || trimmed.charAt(0) != '{') {
      return StreamEvent.Skipped.INSTANCE;
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(trimmed))) {
      Fields f = new Fields();
      readTop(reader, f);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return StreamEvent.Skipped.INSTANCE;
      }
      if (f.error || "error".equals(f.type)) {
        return new StreamEvent.Error(trimmed);
      }
      return new StreamEvent.Chunk(f.toChunk());
    } catch (IOException | RuntimeException e) {
      // Not JSON after all: the real server drops such payloads, so the stream goes on.
      return StreamEvent.Skipped.INSTANCE;
    }
  }

  private static void readTop(JsonReader reader, Fields f) throws IOException {
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(TOP)) {
        case 0:
          f.error = reader.peek() != JsonReader.Token.NULL;
          reader.skipValue();
          break;
        case 1:
          f.shape = ChunkShape.OPENAI;
          readChoices(reader, f);
          break;
        case 2:
          readUsage(reader, f);
          break;
        case 3:
          f.type = nextStringOrNull(reader);
          f.shape = ChunkShape.ANTHROPIC;
          break;
        case 4:
          readDelta(reader, f);
          break;
        case 5:
          readAnthropicMessage(reader, f);
          break;
        case 6:
          f.shape = ChunkShape.GEMINI;
          readCandidates(reader, f);
          break;
        case 7:
          f.shape = f.shape == ChunkShape.UNKNOWN ? ChunkShape.GEMINI : f.shape;
          readUsage(reader, f);
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
  }

  private static void readChoices(JsonReader reader, Fields f) throws IOException {
    readFirstObject(
        reader,
        () -> {
          switch (reader.selectName(CHOICE)) {
            case 0:
            case 1:
              readDelta(reader, f);
              break;
            case 2:
              f.finishReason = nextStringOrNull(reader);
              break;
            default:
              reader.skipName();
              reader.skipValue();
          }
        });
  }

  /** The fields of the first object of an array; later elements (other choices) are skipped. */
  private static void readFirstObject(JsonReader reader, FieldReader field) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return;
    }
    reader.beginArray();
    boolean first = true;
    while (reader.hasNext()) {
      if (!first || reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        continue;
      }
      first = false;
      reader.beginObject();
      while (reader.hasNext()) {
        field.read();
      }
      reader.endObject();
    }
    reader.endArray();
  }

  /** Reads one name and its value inside an object. */
  private interface FieldReader {
    void read() throws IOException;
  }

  private static void readDelta(JsonReader reader, Fields f) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(DELTA)) {
        case 0:
        case 1:
          f.appendText(nextStringOrNull(reader));
          break;
        case 2:
          f.finishReason = nextStringOrNull(reader);
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
  }

  private static void readAnthropicMessage(JsonReader reader, Fields f) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      if (selected(reader, MESSAGE) == 0) {
        readUsage(reader, f);
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
  }

  private static void readCandidates(JsonReader reader, Fields f) throws IOException {
    readFirstObject(
        reader,
        () -> {
          switch (reader.selectName(CANDIDATE)) {
            case 0:
              readGeminiContent(reader, f);
              break;
            case 1:
              f.finishReason = nextStringOrNull(reader);
              break;
            default:
              reader.skipName();
              reader.skipValue();
          }
        });
  }

  private static void readGeminiContent(JsonReader reader, Fields f) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      if (selected(reader, PARTS) == 0 && reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
        reader.beginArray();
        while (reader.hasNext()) {
          readGeminiPart(reader, f);
        }
        reader.endArray();
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
  }

  private static void readGeminiPart(JsonReader reader, Fields f) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      if (selected(reader, TEXT) == 0) {
        f.appendText(nextStringOrNull(reader));
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
  }

  private static void readUsage(JsonReader reader, Fields f) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(USAGE);
      if (index < 0 || reader.peek() != JsonReader.Token.NUMBER) {
        if (index < 0) {
          reader.skipName();
        }
        reader.skipValue();
        continue;
      }
      long value = Math.max(0, reader.nextLong());
      f.hasUsage = true;
      switch (index) {
        case 0:
        case 3:
        case 5:
          f.prompt = value;
          break;
        case 1:
        case 4:
        case 6:
          f.completion = value;
          break;
        default:
          f.total = value;
      }
    }
    reader.endObject();
  }

  /** Like selectName, but always consumes the name, so the caller only handles the value. */
  private static int selected(JsonReader reader, JsonReader.Options options) throws IOException {
    int index = reader.selectName(options);
    if (index < 0) {
      reader.skipName();
    }
    return index;
  }

  private static @Nullable String nextStringOrNull(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.STRING) {
      return reader.nextString();
    }
    reader.skipValue();
    return null;
  }

  /** Mutable scratch space for one payload. */
  private static final class Fields {
    boolean error;
    @Nullable String type;
    ChunkShape shape = ChunkShape.UNKNOWN;
    @Nullable String text;
    @Nullable StringBuilder moreText;
    @Nullable String finishReason;
    boolean hasUsage;
    long prompt;
    long completion;
    long total;

    void appendText(@Nullable String piece) {
      if (piece == null || piece.isEmpty()) {
        return;
      }
      if (text == null) {
        text = piece;
      } else {
        if (moreText == null) {
          moreText = new StringBuilder(text);
        }
        moreText.append(piece);
      }
    }

    StreamChunk toChunk() {
      String delta = moreText != null ? moreText.toString() : text != null ? text : "";
      String finish = finishReason == null || finishReason.isEmpty() ? null : finishReason;
      TokenUsage usage =
          hasUsage
              ? new TokenUsage(prompt, completion, Math.max(total, prompt + completion))
              : null;
      boolean terminal = finish != null || "message_stop".equals(type);
      return new StreamChunk(delta, finish, usage, shape, terminal);
    }
  }
}
