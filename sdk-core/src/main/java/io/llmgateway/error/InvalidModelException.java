package io.llmgateway.error;

import java.util.List;

/** 400 {@code Invalid model 'x' specified}: the gateway does not know the model id. */
public final class InvalidModelException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final List<String> validModels;

  public InvalidModelException(
      String message, ErrorDetails details, String model, List<String> validModels) {
    super(message, details);
    this.model = model;
    this.validModels = List.copyOf(validModels);
  }

  /** The model id the gateway rejected, as sent (empty when the gateway did not name it). */
  public String model() {
    return model;
  }

  /** Model ids the gateway accepts, when known (empty otherwise). */
  public List<String> validModels() {
    return validModels;
  }
}
