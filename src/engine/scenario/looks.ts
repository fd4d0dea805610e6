// Where a group-sequential design's looks fall: after round(total·t_k) patients or events (at least
// one), the same whole numbers for the engine and for the check that every look sees more than the
// one before (two looks on the same data would test the same statistic twice, and the asymptotic
// log-rank would divide by an increment of no events).
import { child, item, mustBe } from './checks.js';
import type { Issues } from './checks.js';

export function lookSizes(total: number, rates: readonly number[]): number[] {
  return rates.map((rate) => Math.max(1, Math.round(total * rate)));
}

/** report a look that would see no more patients (or events) than the one before it */
export function checkLookSizes(
  total: number,
  rates: readonly number[],
  unit: 'patients' | 'events',
  path: string,
  issues: Issues,
): void {
  const sizes = lookSizes(total, rates);
  for (let k = 1; k < sizes.length; k++) {
    if (sizes[k] > sizes[k - 1]) continue;
    const at = item(child(path, 'informationRates'), k);
    const words = `a rate that gives look ${k + 1} more ${unit} than look ${k} (both analyse ${sizes[k]} of ${total})`;
    mustBe(issues, at, words, rates[k]);
  }
}
