// The binomial probability mass function as an array over 0..n, by the ratio of successive terms:
// exact enough (relative 10⁻¹³ for the n ≤ a few hundred used here) to enumerate a test's size.
export function binomialPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  pmf[0] = (1 - p) ** n;
  for (let k = 1; k <= n; k++) pmf[k] = (pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p));
  return pmf;
}
