package io.llmgateway.testing.state;

/** A team as it stands: status and credits. */
public record TeamSnapshot(
    String id,
    String organizationId,
    String status,
    long creditsAllocated,
    long creditsUsed,
    long creditsRemaining,
    String budgetMode) {}
