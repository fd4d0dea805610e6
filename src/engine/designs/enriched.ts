// Enriched: screen until n assay-positive patients are randomised and test H_S once.
import type { EnrichedDesign } from '../scenario/types.js';
import type { TrialContext } from './context.js';
import { prepareGroupSequential } from './group-sequential.js';
import type { DesignRunner } from './runner.js';
import type { Sampler } from '../random/sampler.js';

export function prepareEnriched(context: TrialContext, design: EnrichedDesign): DesignRunner {
  if (design.interims) return prepareGroupSequential(context, 'S', design.n, design.interims);
  const { enrolment, model, stage, critical } = context;
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, 'S', design.n, sampler);
      const rejectS = model.statistic(stage, 'S') >= critical;
      context.tallyFixedTrial(tally, design.n, rejectS, false);
    },
  };
}
