package io.llmgateway.cli.console;

import io.llmgateway.error.AuthenticationException;
import io.llmgateway.error.BudgetExceededException;
import io.llmgateway.error.CircuitOpenException;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.PermissionDeniedException;
import io.llmgateway.error.RateLimitedException;
import io.llmgateway.error.ServerException;
import io.llmgateway.error.StreamException;
import io.llmgateway.error.ThrottledException;
import io.llmgateway.error.TransportException;

/** The process exit codes, one per error family. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 2;
  public static final int AUTH = 3;
  public static final int BALANCE = 4;
  public static final int RATE_LIMITED = 5;
  public static final int SERVER = 6;
  public static final int NETWORK = 7;
  public static final int STREAM = 8;
  public static final int OTHER = 9;

  /** The table printed by {@code --help} and in the README. */
  public static final String TABLE =
      "Exit codes:%n"
          + "  0  ok%n"
          + "  2  usage: bad flags, missing key or base URL%n"
          + "  3  auth: 401, or 403 team suspended/paused or model access denied%n"
          + "  4  balance/credits: insufficient credits or balance, local budget%n"
          + "  5  rate limited (429) or throttled locally%n"
          + "  6  server: 500, 503, other 5xx, circuit open%n"
          + "  7  network: connection failure or timeout%n"
          + "  8  stream interrupted or error event in a stream%n"
          + "  9  other: 400, 404, 422, invalid model, unexpected response%n"
          + "doctor exits with the code of its first failed check.%n";

  private ExitCodes() {}

  public static int of(LlmGatewayException error) {
    if (error instanceof InsufficientCreditsException || error instanceof BudgetExceededException) {
      return BALANCE;
    }
    if (error instanceof AuthenticationException || error instanceof PermissionDeniedException) {
      return AUTH;
    }
    if (error instanceof RateLimitedException || error instanceof ThrottledException) {
      return RATE_LIMITED;
    }
    if (error instanceof ServerException || error instanceof CircuitOpenException) {
      return SERVER;
    }
    if (error instanceof TransportException) {
      return NETWORK;
    }
    if (error instanceof StreamException) {
      return STREAM;
    }
    return OTHER;
  }
}
