/** P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n cannot underflow. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k >= n) return 1;
  let sum = 0;
  let logTerm = n * Math.log1p(-p); // P(X = 0)
  for (let i = 0; i <= k; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1)) + Math.log(p) - Math.log1p(-p);
  }
  return Math.min(1, sum);
}

/**
 * Attribute sampling (as in the AICPA Audit Sampling Guide's tables): the smallest n for which,
 * allowing the deviations expected in it (⌈n · expected⌉), the chance of seeing no more than those
 * if the true rate were the tolerable one is at most 1 − confidence. Undefined when the expected
 * rate is not below the tolerable one.
 */
export function attributeSampleSize(expected: number, tolerable: number, confidence: number, max = 10_000): { n: number; allowed: number } | undefined {
  if (!(expected >= 0 && expected < tolerable && tolerable < 1 && confidence > 0 && confidence < 1)) return undefined;
  for (let n = 1; n <= max; n++) {
    const allowed = Math.ceil(n * expected - 1e-9);
    if (binomialCdf(allowed, n, tolerable) <= 1 - confidence) return { n, allowed };
  }
  return undefined;
}
