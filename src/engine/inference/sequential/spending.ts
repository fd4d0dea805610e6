// Lan–DeMets α-spending functions (Lan & DeMets, Biometrika 70 (1983) 659–663): the type I error
// spent by information fraction t, in the forms rpact calls asOF and asP (docs/methods.md).
import { normalQuantile, normalUpper } from '../../math/normal.js';
import type { Efficacy } from '../../scenario/types.js';

export type Spending = Exclude<Efficacy, 'none'>;

export function spentAlpha(spending: Spending, alpha: number, t: number): number {
  if (t >= 1) return alpha;
  if (t <= 0) return 0;
  if (spending === 'obrien-fleming') return 2 * normalUpper(normalQuantile(1 - alpha / 2) / Math.sqrt(t));
  return alpha * Math.log(1 + (Math.E - 1) * t);
}
