// Closed testing (R. Marcus, E. Peritz & K. R. Gabriel, Biometrika 63 (1976) 655–660): H_k is rejected at
// level α when every intersection H_I with k ∈ I is, each by a level-α test; that controls the
// family-wise error strongly. Equivalently H_k's adjusted p-value, the largest p_I over the masks I
// containing k, is ≤ α. The intersections' p-values are kept per mask on their own, since a combination
// test combines each mask's stage-wise p-values before the closure is taken (adjustedPValues then takes
// the combined ones).
import { ElementaryStatistics } from './elementary.js';
import { type Intersections, intersections } from './masks.js';
import type { IntersectionPValue, MaskTest } from './types.js';

/** each hypothesis's adjusted p, max_{I ∋ k} p_I, from the intersections' p-values indexed by mask */
export function adjustedPValues(table: Intersections, intersectionP: Float64Array, adjusted: Float64Array): void {
  const containing = table.containing;
  const per = table.perHypothesis;
  for (let k = 0; k < table.hypotheses; k++) {
    let largest = 0;
    for (let i = k * per; i < (k + 1) * per; i++) largest = Math.max(largest, intersectionP[containing[i]]);
    adjusted[k] = largest;
  }
}

/** the closed test of G elementary hypotheses by one intersection rule, its arrays reused from call to call */
export class ClosedTest {
  readonly intersections: Intersections;
  /** the statistics last tested */
  readonly statistics: ElementaryStatistics;
  /** p_I of each intersection, indexed by its mask (entry 0, the empty intersection, is NaN) */
  readonly intersectionP: Float64Array;
  /** each hypothesis's adjusted p, max_{I ∋ k} p_I */
  readonly adjustedP: Float64Array;

  constructor(
    readonly rule: IntersectionPValue,
    hypotheses: number,
  ) {
    if (rule.hypotheses !== undefined && rule.hypotheses !== hypotheses) {
      throw new Error(`the rule is made for ${rule.hypotheses} hypotheses, the closed test has ${hypotheses}`);
    }
    this.intersections = intersections(hypotheses);
    this.statistics = new ElementaryStatistics(hypotheses);
    this.intersectionP = new Float64Array(this.intersections.span).fill(NaN);
    this.adjustedP = new Float64Array(hypotheses);
  }

  /**
   * the hypotheses rejected (a bit mask) by the rule's decision at its level, `rejects` from its
   * atLevel(α), on the elementary `z` and their correlation: the same as test() then rejections(α),
   * without the p-values
   */
  decide(z: ArrayLike<number>, correlation: ArrayLike<number>, rejects: MaskTest): number {
    const statistics = this.statistics;
    statistics.set(z, correlation);
    // the largest masks first: one that stands rules out its hypotheses, and a mask holding none of those
    // still open cannot change the result, so it is not tested (the full one failing ends the test); with
    // three populations and the max-z test each mask tested is a multivariate-normal integral
    let open = this.intersections.span - 1;
    for (let mask = open; mask > 0 && open !== 0; mask--)
      if ((mask & open) !== 0 && !rejects(statistics, mask)) open &= ~mask;
    return open;
  }

  /**
   * every intersection's p and every adjusted p from the elementary one-sided `z` and their correlation,
   * G × G row by row (read only by the dunnett rule)
   */
  test(z: ArrayLike<number>, correlation: ArrayLike<number>): void {
    const statistics = this.statistics;
    statistics.set(z, correlation);
    const intersectionP = this.intersectionP;
    for (let mask = 1; mask < this.intersections.span; mask++) intersectionP[mask] = this.rule.pValue(statistics, mask);
    adjustedPValues(this.intersections, intersectionP, this.adjustedP);
  }

  /** the hypotheses rejected at level α by the last test, as a bit mask */
  rejections(alpha: number): number {
    let rejected = 0;
    for (let k = 0; k < this.adjustedP.length; k++) if (this.adjustedP[k] <= alpha) rejected |= 1 << k;
    return rejected;
  }
}
