package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.util.List;

/** A page of a team's credit transactions, newest first. */
public final class CreditTransactions {
  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "total")
  private long total;

  @Json(name = "transactions")
  private List<CreditTransaction> transactions = List.of();

  private CreditTransactions() {}

  public String teamId() {
    return teamId;
  }

  /** The size of this page (the server does not count all). */
  public long total() {
    return total;
  }

  public List<CreditTransaction> transactions() {
    return transactions;
  }

  @Override
  public String toString() {
    return "CreditTransactions{"
        + "teamId="
        + teamId
        + ", "
        + "total="
        + total
        + ", "
        + "transactions="
        + transactions
        + "}";
  }
}
