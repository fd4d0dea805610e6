// Student's t law: P(T ≥ t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry otherwise.
import { regularizedBeta } from './incomplete-beta.js';
import { normalUpper } from './normal.js';

/** P(T_ν ≥ t) */
export function studentTUpper(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalUpper(t);
  const spread = df + t * t;
  const tail = 0.5 * regularizedBeta(df / spread, (t * t) / spread, 0.5 * df, 0.5);
  return t > 0 ? tail : 1 - tail;
}
