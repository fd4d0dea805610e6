// An intersection rule of closed testing: the one-sided p-value of H_I = ∩_{k ∈ I} H_k from the elementary
// statistics of the hypotheses in I, given as a bit mask (masks.ts). Every rule takes masks of any size
// 1 … G and gives a single hypothesis's mask that hypothesis's own p. Rules allocate nothing per call; one
// that needs scratch space owns it, so each design keeps its own instance.
import { zOfP } from '../../math/normal.js';
import type { ElementaryStatistics } from './elementary.js';

export interface IntersectionPValue {
  /** G, for a rule made for a given number of hypotheses (hierarchical's order) */
  readonly hypotheses?: number;
  /** the p-value of the intersection of the hypotheses in `mask` (1 … 2^G − 1) */
  pValue(statistics: ElementaryStatistics, mask: number): number;
  /** Φ⁻¹(1 − p_I), where a rule has a cheaper way to it than through its p (zValueOf) */
  zValue?(statistics: ElementaryStatistics, mask: number): number;
  /**
   * the decision p_I ≤ α taken on the z scale, with what it needs at α worked out once: a design that
   * only decides (a one-stage closed test) skips every Φ̄ and most of the work per trial
   */
  atLevel(alpha: number): MaskTest;
}

/** the intersection's p on the z scale, Φ⁻¹(1 − p_I), as the combination tests read it */
export function zValueOf(rule: IntersectionPValue, statistics: ElementaryStatistics, mask: number): number {
  return rule.zValue ? rule.zValue(statistics, mask) : zOfP(rule.pValue(statistics, mask));
}

/** whether the intersection of the hypotheses in `mask` is rejected, read from the z (and correlation) alone */
export type MaskTest = (statistics: ElementaryStatistics, mask: number) => boolean;
