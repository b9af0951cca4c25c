package io.llmgateway.jobs;

/** A checked exception thrown by {@link JobWork}, rethrown unchecked after the job was failed. */
public final class JobWorkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JobWorkException(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
