// Exact distribution functions and goodness-of-fit tests for the sampler tests. Every tolerance
// comes from Monte Carlo error: moments within K_SE standard errors, goodness-of-fit tests failing
// at p < P_FAIL. The distribution functions are checked against R in reference-functions.test.ts.
import { readFileSync } from 'node:fs';
import { gammaP, gammaQ } from '../../../src/engine/math/incomplete-gamma.js';
import { lnGamma } from '../../../src/engine/math/log-gamma.js';
import { normalCdf } from '../../../src/engine/math/normal.js';

/** moments must agree within this many standard errors (two-sided p ≈ 6·10⁻⁵ each) */
export const K_SE = 4;
/** a goodness-of-fit test fails when its p-value is below this */
export const P_FAIL = 1e-4;
/** draws per test */
export const DRAWS = 200_000;

// ---------------------------------------------------------------------------------------------
// Distribution functions, from the engine's special functions (checked against R in
// test/engine/math and reference-functions.test.ts)

export { lnGamma, normalCdf };

export function gammaCdf(shape: number, x: number): number {
  return gammaP(shape, x);
}

export function chiSquareCdf(df: number, x: number): number {
  return gammaP(0.5 * df, 0.5 * x);
}

export function chiSquareSurvival(df: number, x: number): number {
  return gammaQ(0.5 * df, 0.5 * x);
}

// ---------------------------------------------------------------------------------------------
// Probability mass functions as tables, built from the mode by the ratios f(k + 1)/f(k) and
// normalized; the terms left out are below 10⁻²⁰ of the mode's.

export interface PmfTable {
  /** the first value covered */
  lo: number;
  /** P(X = lo + i) */
  p: Float64Array;
}

function pmfByRatios(mode: number, ratio: (k: number) => number, max: number): PmfTable {
  const up: number[] = [1];
  for (let k = mode, f = 1; k < max; k++) {
    f *= ratio(k);
    if (f < 1e-20) break;
    up.push(f);
  }
  const down: number[] = [];
  for (let k = mode - 1, f = 1; k >= 0; k--) {
    f /= ratio(k);
    if (f < 1e-20) break;
    down.push(f);
  }
  const p = new Float64Array(down.length + up.length);
  p.set(down.reverse());
  p.set(up, down.length);
  const total = p.reduce((s, f) => s + f, 0);
  for (let i = 0; i < p.length; i++) p[i] /= total;
  return { lo: mode - down.length, p };
}

export function binomialPmf(n: number, prob: number): PmfTable {
  const r = prob / (1 - prob);
  return pmfByRatios(Math.floor((n + 1) * prob), (k) => ((n - k) / (k + 1)) * r, n);
}

export function poissonPmf(mean: number): PmfTable {
  return pmfByRatios(Math.floor(mean), (k) => mean / (k + 1), Infinity);
}

/** failures before the r-th success */
export function negativeBinomialPmf(r: number, prob: number): PmfTable {
  const q = 1 - prob;
  const mode = r > 1 ? Math.floor(((r - 1) * q) / prob) : 0;
  return pmfByRatios(mode, (k) => ((k + r) / (k + 1)) * q, Infinity);
}

export function pmfAt(table: PmfTable, k: number): number {
  const i = k - table.lo;
  return i >= 0 && i < table.p.length ? table.p[i] : 0;
}

// ---------------------------------------------------------------------------------------------
// Tests

export interface Fit {
  statistic: number;
  df: number;
  p: number;
}

/**
 * Pearson's chi-square test of integer draws against a pmf table. Cells are runs of consecutive
 * values, closed once their expected count reaches 5; the end cells take everything beyond.
 */
export function chiSquareFit(draws: ArrayLike<number>, table: PmfTable): Fit {
  const n = draws.length;
  const observed = new Float64Array(table.p.length);
  for (let i = 0; i < n; i++) {
    const k = draws[i];
    if (!Number.isInteger(k)) throw new Error(`draw ${i} is not an integer: ${k}`);
    observed[Math.min(table.p.length - 1, Math.max(0, k - table.lo))]++;
  }
  return pooledChiSquare(
    observed,
    Float64Array.from(table.p, (f) => f * n),
  );
}

/** Pearson's chi-square over cells whose expected counts are given; adjacent cells are pooled to ≥ 5 */
export function pooledChiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): Fit {
  const cellsO: number[] = [];
  const cellsE: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < expected.length; i++) {
    o += observed[i];
    e += expected[i];
    if (e >= 5) {
      cellsO.push(o);
      cellsE.push(e);
      o = 0;
      e = 0;
    }
  }
  if (cellsE.length === 0) throw new Error('fewer than 5 expected in all');
  cellsO[cellsO.length - 1] += o;
  cellsE[cellsE.length - 1] += e;
  let statistic = 0;
  for (let i = 0; i < cellsE.length; i++) statistic += (cellsO[i] - cellsE[i]) ** 2 / cellsE[i];
  const df = cellsE.length - 1;
  return { statistic, df, p: df > 0 ? chiSquareSurvival(df, statistic) : 1 };
}

/**
 * Binned chi-square test of continuous draws with bin edges at the given quantiles: P(bin) is the
 * difference of the probabilities, whatever the distribution.
 */
export function binnedFit(draws: Float64Array, edges: ArrayLike<number>, probabilities: ArrayLike<number>): Fit {
  const sorted = Float64Array.from(draws).sort();
  const n = sorted.length;
  const bins = edges.length + 1;
  const observed = new Float64Array(bins);
  const expected = new Float64Array(bins);
  let j = 0;
  for (let b = 0; b < bins; b++) {
    const upper = b < edges.length ? edges[b] : Infinity;
    const start = j;
    while (j < n && sorted[j] < upper) j++;
    observed[b] = j - start;
    expected[b] = n * ((b < edges.length ? probabilities[b] : 1) - (b > 0 ? probabilities[b - 1] : 0));
  }
  return pooledChiSquare(observed, expected);
}

/**
 * One-sample Kolmogorov–Smirnov test; p from Kolmogorov's limit law with Stephens' correction
 * λ = (√n + 0.12 + 0.11/√n)·D (M. A. Stephens, J. R. Stat. Soc. B 32 (1970) 115–122).
 */
export function kolmogorovSmirnov(draws: Float64Array, cdf: (x: number) => number): { d: number; p: number } {
  const sorted = Float64Array.from(draws).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  const root = Math.sqrt(n);
  const lambda = (root + 0.12 + 0.11 / root) * d;
  let p = 0;
  for (let j = 1; j <= 100; j++) p += 2 * (j % 2 === 1 ? 1 : -1) * Math.exp(-2 * j * j * lambda * lambda);
  return { d, p: Math.min(1, Math.max(0, p)) };
}

export interface MomentCheck {
  mean: number;
  meanSe: number;
  variance: number;
  varianceSe: number;
  /** |sample − exact| / SE */
  meanZ: number;
  varianceZ: number;
}

/**
 * Sample mean and unbiased variance against the exact mean, variance and 4th central moment μ₄:
 * SE(mean) = √(σ²/n), SE(s²) = √((μ₄ − σ⁴(n − 3)/(n − 1))/n).
 */
export function checkMoments(draws: ArrayLike<number>, mean: number, variance: number, mu4: number): MomentCheck {
  const n = draws.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += draws[i];
  const sampleMean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (draws[i] - sampleMean) ** 2;
  const sampleVariance = squares / (n - 1);
  const meanSe = Math.sqrt(variance / n);
  const varianceSe = Math.sqrt((mu4 - (variance * variance * (n - 3)) / (n - 1)) / n);
  return {
    mean: sampleMean,
    meanSe,
    variance: sampleVariance,
    varianceSe,
    meanZ: Math.abs(sampleMean - mean) / meanSe,
    varianceZ: Math.abs(sampleVariance - variance) / varianceSe,
  };
}

/** draws of f into a typed array */
export function drawMany(count: number, f: () => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = f();
  return out;
}

// ---------------------------------------------------------------------------------------------
// R reference values (test/fixtures/random/make-fixtures.R)

export interface ReferenceEntry {
  call: string;
  fn: string;
  args: Record<string, number | boolean>;
  x: number[];
  value: number[];
}

let reference: ReferenceEntry[] | undefined;

export function referenceEntries(): ReferenceEntry[] {
  reference ??= (
    JSON.parse(readFileSync(new URL('../../fixtures/random/r-reference.json', import.meta.url), 'utf8')) as {
      entries: ReferenceEntry[];
    }
  ).entries;
  return reference;
}

export function referenceEntry(call: string): ReferenceEntry {
  const entry = referenceEntries().find((e) => e.call.startsWith(call));
  if (!entry) throw new Error(`no R reference entry starting ${call}`);
  return entry;
}
