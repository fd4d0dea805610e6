// Student's t law: P(T ≥ t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry otherwise.
import { regularizedBeta } from './incomplete-beta.js';
import { lnGamma } from './log-gamma.js';
import { normalUpper, zOfP } from './normal.js';

/** P(T_ν ≥ t) */
export function studentTUpper(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalUpper(t);
  const spread = df + t * t;
  const tail = 0.5 * regularizedBeta(df / spread, (t * t) / spread, 0.5 * df, 0.5);
  return t > 0 ? tail : 1 - tail;
}

/** the t_ν density */
export function tDensity(t: number, df: number): number {
  const logNorm = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * τ with P(T_ν ≥ τ) = p for 0 ≤ p ≤ ½: Newton's method on log P(T_ν ≥ τ), kept inside a bracket
 * whose lower end is the normal quantile (the t tail is the heavier)
 */
export function tUpperQuantile(p: number, df: number): number {
  if (p <= 0) return Infinity;
  let low = zOfP(p);
  let high = Math.max(1, 2 * low);
  while (studentTUpper(high, df) > p) {
    low = high;
    high *= 2;
  }
  // beyond the largest double (ν = 1 or 2 and p below ~1e-300)
  if (high === Infinity) return Infinity;
  const logP = Math.log(p);
  let tau = low;
  for (let iteration = 0; iteration < 200; iteration++) {
    const tail = studentTUpper(tau, df);
    const excess = Math.log(tail) - logP;
    if (excess > 0) low = tau;
    else high = tau;
    let next = tau + (excess * tail) / tDensity(tau, df);
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - tau) <= 1e-14 * Math.max(1, tau)) return next;
    tau = next;
  }
  return tau;
}
