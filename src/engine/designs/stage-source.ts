// Where a two-stage design's data come from. The adaptive-enrichment logic (selection, closed
// combination test) is the same for every endpoint; a source runs the stages and reports each
// stage's statistics and what the trial has used so far. Stage sizes are in the design's units:
// randomised patients, or events for survival.
import type { Sampler } from '../random/sampler.js';

export class StageStatistics {
  zS = 0;
  zF = 0;
  /** null variances of the statistics' numerators: √(I_S/I_F) is their correlation */
  informationS = 0;
  informationF = 0;
  /** effect estimates used by `selection.measure: "effect"` */
  effectS = 0;
  effectF = 0;
}

export interface TwoStageSource {
  /** stage 1 of `size` units in all comers */
  first(size: number, sampler: Sampler): StageStatistics;
  /** stage 2 of `size` units from F (keepF) or else S only; statistics of the kept populations */
  second(keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics;
  /** the trial so far */
  readonly randomized: number;
  readonly screened: number;
  readonly months: number;
  /** events at the last analysis (survival) */
  readonly events: number;
}
