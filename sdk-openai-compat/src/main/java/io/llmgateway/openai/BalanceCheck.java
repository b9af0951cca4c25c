package io.llmgateway.openai;

import java.time.Instant;

/**
 * What the guide's 1-token probe said about the account balance. HiveOps has no balance endpoint,
 * so "ok" means "a tiny call went through", not an amount. Immutable.
 */
public final class BalanceCheck {
  /** The probe's verdict. */
  public enum Status {
    /** The probe call succeeded. */
    OK,
    /** The gateway answered {@code insufficient_balance}. */
    INSUFFICIENT,
    /** The probe failed for another reason (see {@link #reason()}); nothing is known. */
    UNKNOWN
  }

  private final Status status;
  private final String reason;
  private final Instant checkedAt;

  BalanceCheck(Status status, String reason, Instant checkedAt) {
    this.status = status;
    this.reason = reason;
    this.checkedAt = checkedAt;
  }

  public Status status() {
    return status;
  }

  public boolean isOk() {
    return status == Status.OK;
  }

  /** Why: the gateway's message or the probe's failure; never contains the key. */
  public String reason() {
    return reason;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  @Override
  public String toString() {
    return "BalanceCheck{" + status + ", " + reason + ", at " + checkedAt + "}";
  }
}
