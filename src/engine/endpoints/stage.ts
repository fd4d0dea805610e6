// One stage's data, summarised per arm × cell (the sufficient statistics).
// Index: arm * cells + cell, arm 0 = treatment, 1 = control; cells as the layout numbers them
// (population-model.ts: classified subgroup × true subgroup). A cell of probability 0 (with a perfect
// assay, every classified subgroup but the true one) never holds a patient: its slots stay 0, and the
// per-stage loops visit only the `occupied` slots, those of the layout's occupied cells (16 of 128 for
// eight subgroups).
import type { CellLayout } from '../population-model.js';

export const ARMS = 2;
export const TREATMENT = 0;
export const CONTROL = 1;

export class StageData {
  readonly cells: number;
  /** arm × cell slots, ARMS · cells */
  readonly slots: number;
  /** the slots of cells of positive probability, increasing */
  readonly occupied: Uint8Array;
  /** patients drawn per arm × cell (whole numbers) */
  readonly count: Float64Array;
  /**
   * patients counted by the test statistics: equal to `count`, except for binary endpoints with
   * fixed strata, where rpact divides responders by the unrounded expected arm size.
   */
  readonly size: Float64Array;
  /** continuous: sum of outcomes; binary: responders */
  readonly sum: Float64Array;
  /** continuous: sum of squares about the cell mean (only drawn when a t statistic needs it) */
  readonly sumSquares: Float64Array;
  /** patients screened to fill this stage */
  screened = 0;
  /** fixed strata: the placement whose counts and sizes `count` and `size` hold, and its n; null: none */
  private placedFrom: object | null = null;
  private placedN = 0;

  constructor(layout: CellLayout) {
    const cells = layout.cells;
    this.cells = cells;
    this.slots = ARMS * cells;
    const treated = layout.occupiedCells;
    this.occupied = Uint8Array.from([...treated, ...treated.map((cell) => cells + cell)]);
    this.count = new Float64Array(this.slots);
    this.size = new Float64Array(this.slots);
    this.sum = new Float64Array(this.slots);
    this.sumSquares = new Float64Array(this.slots);
  }

  /**
   * `count` and `size` set to those of a fixed placement (`from`, of n patients, the same in every trial), copied
   * only when they hold another: an adaptive design's stage 1 is copied once, not once a trial
   */
  place(from: object, n: number, count: Float64Array, size: Float64Array): void {
    if (this.placedFrom === from && this.placedN === n) return;
    copySlots(this.count, count, this.occupied);
    copySlots(this.size, size, this.occupied);
    this.placedFrom = from;
    this.placedN = n;
  }

  /** `count` and `size` written otherwise: the next placement copies again */
  unplace(): void {
    this.placedFrom = null;
  }
}

/**
 * Add `stage` to the cumulative data `total` (group-sequential looks use all data so far). Sums
 * of squares about the cell mean combine with the between-stage term m₁m₂/(m₁ + m₂)·(x̄₁ − x̄₂)².
 */
export function addStage(total: StageData, stage: StageData): void {
  for (let slot = 0; slot < total.slots; slot++) {
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
  total.unplace();
}

/**
 * The residual sums of squares and degrees of freedom of a group-sequential trial's looks, pooled
 * within stages: each stage's arm × stratum groups about their own means, added over the stages so
 * far, for each stratum (a classified subgroup) and for each population unstratified. Pooled over all
 * data instead, the estimate holds the contrasts between stage means, which are correlated with the
 * earlier looks' statistics; within stages it is independent of every look's means, so the looks' t
 * statistics follow the joint law whose boundaries inference/sequential/t-boundaries.ts computes, exactly.
 */
export class WithinStages {
  /** strata first (classified subgroup j at j), then each population k pooled at strata + k */
  readonly ss: Float64Array;
  readonly df: Float64Array;

  constructor(groups: number) {
    this.ss = new Float64Array(groups);
    this.df = new Float64Array(groups);
  }

  clear(): void {
    this.ss.fill(0);
    this.df.fill(0);
  }
}

/**
 * `into` set to `from` at the `occupied` slots (the others are 0 in both). A stage has few of them, for
 * which a plain loop costs a tenth of TypedArray.prototype.set or fill: a builtin call per stage shows in
 * the benchmark.
 */
export function copySlots(into: Float64Array, from: Float64Array, occupied: Uint8Array): void {
  for (let i = 0; i < occupied.length; i++) into[occupied[i]] = from[occupied[i]];
}

/** every slot of `slots` set to 0 (as copySlots, a loop rather than a builtin's call) */
export function clearSlots(slots: Float64Array): void {
  for (let slot = 0; slot < slots.length; slot++) slots[slot] = 0;
}

/** the `occupied` slots of `slots` set to 0 */
export function clearOccupied(slots: Float64Array, occupied: Uint8Array): void {
  for (let i = 0; i < occupied.length; i++) slots[occupied[i]] = 0;
}

/** empty `stage` */
export function clearStage(stage: StageData): void {
  clearSlots(stage.count);
  clearSlots(stage.size);
  clearSlots(stage.sum);
  clearSlots(stage.sumSquares);
  stage.screened = 0;
  stage.unplace();
}
