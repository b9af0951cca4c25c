package io.llmgateway.benchmarks.faults;

/** Tail bounds of a binomial count, to judge a random failure count without hand-tuning. */
final class Binomial {
  private Binomial() {}

  /** The least k with P(X > k) <= alpha for X ~ Binomial(n, p). */
  static int upperBound(int n, double p, double alpha) {
    double pmf = Math.pow(1 - p, n); // P(X = 0)
    double cdf = pmf;
    int k = 0;
    while (1 - cdf > alpha && k < n) {
      pmf = pmf * (n - k) / (k + 1) * p / (1 - p);
      k++;
      cdf += pmf;
    }
    return k;
  }
}
