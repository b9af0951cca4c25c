package io.llmgateway.error;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What could be read from an error body, whatever its shape. Package-private value. */
final class ErrorBody {
  /** The wire shape the body turned out to have. */
  enum Shape {
    EMPTY,
    DETAIL_TEXT,
    DETAIL_LIST,
    DETAIL_OBJECT,
    ERROR_OBJECT,
    ERROR_TEXT,
    OTHER_JSON,
    MALFORMED_JSON,
    HTML,
    TEXT
  }

  final Shape shape;
  final String message;
  final @Nullable String type;
  final @Nullable String code;
  final @Nullable String param;
  final List<FieldError> fieldErrors;
  final String text;

  ErrorBody(
      Shape shape,
      String message,
      @Nullable String type,
      @Nullable String code,
      @Nullable String param,
      List<FieldError> fieldErrors,
      String text) {
    this.shape = shape;
    this.message = message;
    this.type = type;
    this.code = code;
    this.param = param;
    this.fieldErrors = fieldErrors;
    this.text = text;
  }
}
