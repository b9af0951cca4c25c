package io.llmgateway.error;

import io.llmgateway.internal.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a 422 validation error, in either pydantic shape: v1 ({@code loc}, {@code msg},
 * {@code type} such as {@code value_error.missing}) or v2 (adds {@code input} and {@code ctx}, with
 * types such as {@code missing}). Every text is redacted on the way in: a server may echo a key in
 * any of them.
 */
public final class FieldError {
  private final List<String> location;
  private final String message;
  private final @Nullable String type;
  private final @Nullable String input;

  public FieldError(
      List<String> location, String message, @Nullable String type, @Nullable String input) {
    List<String> safe = new ArrayList<>(location.size());
    for (String part : location) {
      safe.add(Redaction.redact(part));
    }
    this.location = List.copyOf(safe);
    this.message = Redaction.redact(message);
    this.type = type == null ? null : Redaction.redact(type);
    this.input = input == null ? null : Redaction.redact(input);
  }

  /** The path to the field, e.g. {@code [body, messages]}; numbers appear as text. */
  public List<String> location() {
    return location;
  }

  /** The location joined with dots, e.g. {@code body.messages}, as the guide prints it. */
  public String field() {
    return String.join(".", location);
  }

  public String message() {
    return message;
  }

  /** The validator's error type, e.g. {@code missing} or {@code value_error.missing}. */
  public @Nullable String type() {
    return type;
  }

  /** The offending input (v2 only), as bounded JSON-ish text with secrets redacted. */
  public @Nullable String input() {
    return input;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FieldError)) {
      return false;
    }
    FieldError that = (FieldError) o;
    return location.equals(that.location)
        && message.equals(that.message)
        && Objects.equals(type, that.type)
        && Objects.equals(input, that.input);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, message, type, input);
  }

  @Override
  public String toString() {
    return field() + ": " + message + (type == null ? "" : " (" + type + ")");
  }
}
