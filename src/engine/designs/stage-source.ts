// Where a two-stage design's data come from. The adaptive-enrichment logic (selection, closed
// combination test) is the same for every endpoint; a source runs the stages and reports each
// stage's statistics and what the trial has used so far. Stage sizes are in the design's units:
// randomised patients, or events for survival. Populations are indexed as in the cell layout
// (population-model.ts), F last.
import type { Sampler } from '../random/sampler.js';
import { MAX_POPULATIONS } from '../tally.js';
import { statisticCorrelation } from '../inference/intersection/correlation.js';

/** the most subgroups (population-model.ts), for the information per stratum */
export const MAX_GROUPS = 8;

/** whether two of the populations (masks of classified subgroups) overlap without one holding the other */
export function overlapping(masks: Uint8Array): boolean {
  for (const a of masks) for (const b of masks) if ((a & b) !== 0 && (a & b) !== a && (a & b) !== b) return true;
  return false;
}

/** the classified subgroups of the union of the populations in `populations` (a mask of their indices) */
export function subgroupsOf(masks: Uint8Array, populations: number): number {
  let union = 0;
  for (let k = 0; k < masks.length; k++) if ((populations >> k) & 1) union |= masks[k];
  return union;
}

export class StageStatistics {
  /** per population: the stage's one-sided z statistic */
  readonly z = new Float64Array(MAX_POPULATIONS);
  /** per population: the null variance of the statistic's numerator (outcome-model.ts) */
  readonly information = new Float64Array(MAX_POPULATIONS);
  /** per population: the effect estimate `selection.measure: "effect"` reads */
  readonly effect = new Float64Array(MAX_POPULATIONS);
  /**
   * per population k and stratum j, at k·8 + j: the information of k's statistic from stratum j, set only
   * where two populations overlap without nesting (their correlation needs what they share)
   */
  readonly stratumInformation = new Float64Array(MAX_POPULATIONS * MAX_GROUPS);
}

export interface TwoStageSource {
  /** stage 1 of `size` units from the union of the `tested` populations (a mask); statistics of those */
  first(tested: number, size: number, sampler: Sampler): StageStatistics;
  /** stage 2 of `size` units from the union of the `kept` populations (a mask); statistics of the kept ones */
  second(kept: number, size: number, sampler: Sampler): StageStatistics;
  /** the trial so far */
  readonly randomized: number;
  readonly screened: number;
  readonly months: number;
  /** events at the last analysis (survival) */
  readonly events: number;
}

/**
 * The correlation of the populations' z statistics in `populations` (a mask), `count` × `count` row by
 * row into `into`, from the information (POPULATIONS.md: I_kl/√(I_k·I_l), I_kl the information k and l
 * share): √(I_small/I_large) for nested populations, 0 for disjoint ones, and for overlapping ones the
 * information of their shared strata. `masks`: each population's classified subgroups.
 */
export function stageCorrelation(
  statistics: StageStatistics,
  masks: Uint8Array,
  populations: number,
  into: Float64Array,
): void {
  const count = masks.length;
  const { information, stratumInformation } = statistics;
  for (let k = 0; k < count; k++) {
    into[k * count + k] = 1;
    for (let l = k + 1; l < count; l++) {
      let rho = 0;
      if (populations & (1 << k) && populations & (1 << l)) {
        const shared = masks[k] & masks[l];
        if (shared === masks[k]) rho = statisticCorrelation(information[k], information[l]);
        else if (shared === masks[l]) rho = statisticCorrelation(information[l], information[k]);
        else if (shared !== 0) {
          let common = 0;
          for (let j = 0; j < MAX_GROUPS; j++) if (shared & (1 << j)) common += stratumInformation[k * MAX_GROUPS + j];
          const scale = Math.sqrt(information[k] * information[l]);
          rho = scale > 0 ? Math.min(1, common / scale) : 0;
        }
      }
      into[k * count + l] = rho;
      into[l * count + k] = rho;
    }
  }
}
