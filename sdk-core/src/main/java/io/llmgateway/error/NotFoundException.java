package io.llmgateway.error;

/** 404: the job, team or model does not exist (or the URL is wrong). Never retried. */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** What was not found, as far as the gateway's text tells. */
  public enum Resource {
    JOB,
    TEAM,
    MODEL,
    OTHER
  }

  private final Resource resource;

  public NotFoundException(String message, ErrorDetails details, Resource resource) {
    super(message, details, null);
    this.resource = resource;
  }

  public Resource resource() {
    return resource;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
