// A t statistic on the z scale: z = Φ⁻¹(P(T_ν ≤ t)), the normal score with the same one-sided
// p-value. Exactly, this costs an incomplete beta continued fraction and a normal quantile per
// call, which dominated the t-test simulations. For ν ≥ TABLE_MIN_DF and |t| ≤ TABLE_LIMIT the
// map is read from a table built once per ν: z and its exact slope dz/dt = f_ν(t)/φ(z) on a grid
// of step STEP, joined by cubic Hermite interpolation. Its error, below 10⁻¹⁰ on the z scale
// for every ν ≥ TABLE_MIN_DF (checked in test/engine/math), moves a decision only for trials
// within 10⁻¹⁰ of a boundary, far below any Monte Carlo error.
import { lnGamma } from './log-gamma.js';
import { normalPdf, normalQuantile } from './normal.js';
import { studentTUpper } from './student-t.js';

export const TABLE_MIN_DF = 20;
export const TABLE_LIMIT = 8;
const STEP = 1 / 32;
const POINTS = (2 * TABLE_LIMIT) / STEP + 1;
const MAX_TABLES = 256;

const tables = new Map<number, Float64Array>();

/** z with P(Z ≤ z) = P(T_ν ≤ t), to full precision (from the smaller tail: both laws are symmetric) */
export function tToZExact(t: number, df: number): number {
  return t >= 0 ? -normalQuantile(studentTUpper(t, df)) : normalQuantile(studentTUpper(-t, df));
}

/** z with P(Z ≤ z) = P(T_ν ≤ t); from the table when ν and t allow it */
export function tToZ(t: number, df: number): number {
  if (df < TABLE_MIN_DF || !(Math.abs(t) < TABLE_LIMIT) || !Number.isInteger(df)) return tToZExact(t, df);
  const table = tables.get(df) ?? buildTable(df);
  const position = (t + TABLE_LIMIT) / STEP;
  const i = Math.min(Math.floor(position), POINTS - 2);
  const u = position - i;
  const z0 = table[2 * i];
  const d0 = table[2 * i + 1] * STEP;
  const z1 = table[2 * i + 2];
  const d1 = table[2 * i + 3] * STEP;
  // cubic Hermite basis on [0, 1]
  const u2 = u * u;
  const u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * z0 + (u3 - 2 * u2 + u) * d0 + (-2 * u3 + 3 * u2) * z1 + (u3 - u2) * d1;
}

/** [z, dz/dt] at every grid point for ν degrees of freedom */
function buildTable(df: number): Float64Array {
  if (tables.size >= MAX_TABLES) tables.clear();
  const table = new Float64Array(2 * POINTS);
  const logNorm = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  // z(−t) = −z(t) exactly and the slope is even: compute t ≥ 0, mirror the rest
  const middle = (POINTS - 1) / 2;
  for (let i = middle; i < POINTS; i++) {
    const t = -TABLE_LIMIT + i * STEP;
    const z = tToZExact(t, df);
    const slope = Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df)) / normalPdf(z);
    const mirror = POINTS - 1 - i;
    table[2 * i] = z;
    table[2 * i + 1] = slope;
    table[2 * mirror] = -z;
    table[2 * mirror + 1] = slope;
  }
  tables.set(df, table);
  return table;
}
