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

/**
 * Add `stage` to the cumulative data `total` (group-sequential looks use all data so far). Sums
 * of squares about the cell mean combine with the between-stage term m₁m₂/(m₁ + m₂)·(x̄₁ − x̄₂)².
 */
export function addStage(total: StageData, stage: StageData): void {
  for (let slot = 0; slot < SLOTS; slot++) {
    const m1 = total.count[slot];
    const m2 = stage.count[slot];
    if (m1 > 0 && m2 > 0) {
      const gap = total.sum[slot] / m1 - stage.sum[slot] / m2;
      total.sumSquares[slot] += stage.sumSquares[slot] + ((m1 * m2) / (m1 + m2)) * gap * gap;
    } else {
      total.sumSquares[slot] += stage.sumSquares[slot];
    }
    total.count[slot] = m1 + m2;
    total.size[slot] += stage.size[slot];
    total.sum[slot] += stage.sum[slot];
  }
  total.screened += stage.screened;
}

/**
 * The residual sums of squares and degrees of freedom of a group-sequential trial's looks, pooled
 * within stages: each stage's arm × stratum groups about their own means, added over the stages so
 * far, for the strata S and R and for F unstratified. Pooled over all data instead, the estimate
 * holds the contrasts between stage means, which are correlated with the earlier looks' statistics;
 * within stages it is independent of every look's means, so the looks' t statistics follow the
 * joint law whose boundaries inference/sequential/t-boundaries.ts computes, exactly.
 */
export class WithinStages {
  /** [S, R, F pooled] */
  readonly ss = new Float64Array(3);
  readonly df = new Float64Array(3);

  clear(): void {
    this.ss.fill(0);
    this.df.fill(0);
  }
}

/** empty `stage` */
export function clearStage(stage: StageData): void {
  stage.count.fill(0);
  stage.size.fill(0);
  stage.sum.fill(0);
  stage.sumSquares.fill(0);
  stage.screened = 0;
}
