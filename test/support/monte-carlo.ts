// Monte Carlo tolerances, computed from standard errors (never typed in by feel).

/** standard error of a proportion estimated from `replicates` trials */
export function proportionSe(p: number, replicates: number): number {
  return Math.sqrt((p * (1 - p)) / replicates);
}

/** |p − q| allowed for two independent estimates at `k` combined standard errors */
export function agreementBound(p: number, replicatesP: number, q: number, replicatesQ: number, k = 4): number {
  return k * Math.sqrt(proportionSe(p, replicatesP) ** 2 + proportionSe(q, replicatesQ) ** 2);
}

/** two-sample Kolmogorov–Smirnov statistic D and its asymptotic p-value */
export function kolmogorovSmirnov(a: Float64Array, b: Float64Array): { d: number; p: number } {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0,
    j = 0,
    d = 0;
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= value) i++;
    while (j < y.length && y[j] <= value) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const effective = Math.sqrt((x.length * y.length) / (x.length + y.length));
  const lambda = (effective + 0.12 + 0.11 / effective) * d;
  // Kolmogorov distribution's upper tail, Q(λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²)
  let p = 0;
  for (let k = 1; k <= 100; k++) p += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda * lambda);
  return { d, p: Math.min(1, Math.max(0, p)) };
}
