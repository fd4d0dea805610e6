// One stage's data, summarised per arm × cell (the sufficient statistics).
// Index: arm * CELLS + cell, arm 0 = treatment, 1 = control; cells as in population.ts.
import { CELLS } from '../population.js';

export const ARMS = 2;
export const TREATMENT = 0;
export const CONTROL = 1;
export const SLOTS = ARMS * CELLS;

export class StageData {
  /** patients drawn per arm × cell (whole numbers) */
  readonly count = new Float64Array(SLOTS);
  /**
   * patients counted by the test statistics: equal to `count`, except for binary endpoints with
   * fixed strata, where rpact divides responders by the unrounded expected arm size.
   */
  readonly size = new Float64Array(SLOTS);
  /** continuous: sum of outcomes; binary: responders */
  readonly sum = new Float64Array(SLOTS);
  /** continuous: sum of squares about the cell mean (only drawn when a t statistic needs it) */
  readonly sumSquares = new Float64Array(SLOTS);
  /** patients screened to fill this stage */
  screened = 0;
}
